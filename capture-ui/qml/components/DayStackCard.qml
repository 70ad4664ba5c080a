import QtQuick
import QtQuick.Layouts
import ScanStation.Kiosk

// One day's stack of paper cards: the label to put on it and how many may go.
Rectangle {
    id: stack
    property string day
    property string labelCode
    property int cards: 0
    property int eligible: 0
    property int shredded: 0

    implicitWidth: Math.round(260 * Theme.scale)
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: eligible > 0 ? Theme.ok : Theme.border
    border.width: eligible > 0 ? 3 : 1

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        Text { text: stack.day; font.pixelSize: Theme.fontLarge; font.bold: true; color: Theme.text }
        Text { text: qsTr("Label: %1").arg(stack.labelCode); font.pixelSize: Theme.font; font.family: "DejaVu Sans Mono"; color: Theme.text }
        Text { text: qsTr("%n card(s) held", "", stack.cards - stack.shredded); font.pixelSize: Theme.font; color: Theme.text }
        Text { text: qsTr("%n may be shredded", "", stack.eligible); font.pixelSize: Theme.font; color: stack.eligible > 0 ? Theme.ok : Theme.muted }
        Text { visible: stack.shredded > 0; text: qsTr("%n shredded", "", stack.shredded); font.pixelSize: Theme.font; color: Theme.muted }
    }
}
