import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Confirms cards as they go into the shredder: the handheld code reader types the card's code
// (or a day label's code) into the field and presses Enter. The answer, accepted or refused
// with the reason, stays in large letters until the next code.
ColumnLayout {
    id: panel
    property string message
    property bool accepted: false
    signal confirm(string code)
    spacing: Theme.spacing

    Text {
        Layout.fillWidth: true
        text: qsTr("Scan the code of each card as it goes into the shredder, or type it and press Enter.")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.font
        color: Theme.text
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: code
            objectName: "shredCodeField"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            font.family: "DejaVu Sans Mono"
            placeholderText: qsTr("Card or day code")
            onAccepted: panel.send()
        }
        KioskButton { text: qsTr("Confirm shredded"); tone: Theme.bad; enabled: code.text.trim().length > 0; onClicked: panel.send() }
    }
    MessageBanner {
        objectName: "shredResult"
        Layout.fillWidth: true
        text: panel.message
        good: panel.accepted
    }
    function focusField() { code.forceActiveFocus() }
    function send() {
        if (code.text.trim().length === 0)
            return
        panel.confirm(code.text.trim())
        code.clear()
    }
}
