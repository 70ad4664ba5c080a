import QtQuick
import QtQuick.Controls
import ScanStation.Kiosk

// A button a finger hits and the keyboard reaches: big, with a visible focus ring; Enter and
// Space press it.
Button {
    id: control
    property color tone: Theme.primary
    property bool filled: true

    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch * 2, contentItem.implicitWidth + 2 * Theme.spacing)
    font.pixelSize: Theme.font
    focusPolicy: Qt.StrongFocus
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.filled ? "white" : control.tone
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        opacity: control.enabled ? 1 : 0.6
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.filled ? (control.down ? "#e3e9f1" : Theme.surface)
               : control.enabled ? (control.down ? Qt.darker(control.tone, 1.2) : control.tone) : "#9aa5b1"
        border.width: control.visualFocus ? 3 : (control.filled ? 0 : 2)
        border.color: control.visualFocus ? Theme.focus : control.tone
    }
}
