import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Asks before something that cannot be undone (shredding a day's stack, rejecting a card).
Dialog {
    id: dialog
    property alias question: questionText.text
    property string confirmText: qsTr("Yes")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.round(640 * Theme.scale)
    font.pixelSize: Theme.font
    contentItem: Text {
        id: questionText
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.font
        color: Theme.text
    }
    footer: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        KioskButton { text: qsTr("Cancel"); filled: false; onClicked: dialog.reject() }
        KioskButton { objectName: "confirmButton"; text: dialog.confirmText; tone: Theme.bad; onClicked: dialog.accept() }
        Item { width: Theme.spacing }
    }
}
