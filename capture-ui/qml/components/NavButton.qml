import QtQuick
import QtQuick.Controls
import ScanStation.Kiosk

// One entry of the navigation rail: a screen's name, its key (F1…F10) and a badge count.
ItemDelegate {
    id: control
    property string shortcutText
    property int badge: 0
    property bool current: false

    implicitHeight: Theme.touch
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: clicked()

    contentItem: Row {
        spacing: Theme.spacing / 2
        Text {
            width: control.availableWidth - badgeBox.width - hint.width - Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: control.text
            font.pixelSize: Theme.font
            font.bold: control.current
            color: control.current ? Theme.primary : Theme.text
            elide: Text.ElideRight
        }
        Rectangle {
            id: badgeBox
            visible: control.badge > 0
            width: visible ? Math.max(height, badgeText.implicitWidth + 10) : 0
            height: Theme.fontSmall + 8
            radius: height / 2
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.warn
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: control.badge
                color: "white"
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
        }
        Text {
            id: hint
            anchors.verticalCenter: parent.verticalCenter
            text: control.shortcutText
            font.pixelSize: Theme.fontSmall
            color: Theme.muted
        }
    }
    background: Rectangle {
        color: control.current ? "#dde8f6" : (control.down ? "#e6ebf1" : "transparent")
        border.width: control.visualFocus ? 3 : 0
        border.color: Theme.focus
        Rectangle {
            visible: control.current
            width: 5
            height: parent.height
            color: Theme.primary
        }
    }
}
