import QtQuick
import ScanStation.Kiosk

// A line that says what went wrong (or right) in plain words; hidden when there is nothing.
Rectangle {
    id: banner
    property string text
    property bool good: false
    visible: text.length > 0
    implicitHeight: visible ? line.implicitHeight + 16 : 0
    implicitWidth: line.implicitWidth + 24
    radius: Theme.radius
    color: good ? "#e3f4e4" : Theme.badBackground
    border.color: good ? Theme.ok : Theme.bad
    Text {
        id: line
        anchors.fill: parent
        anchors.margins: 8
        text: banner.text
        wrapMode: Text.WordWrap
        verticalAlignment: Text.AlignVCenter
        font.pixelSize: Theme.font
        color: banner.good ? Theme.ok : Theme.bad
    }
}
