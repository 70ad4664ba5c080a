import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// One filter of a list: "any" or one of the values present in the list.
ColumnLayout {
    id: filter
    property alias label: caption.text
    property var values: []
    readonly property string value: box.currentIndex <= 0 ? "" : values[box.currentIndex - 1]
    spacing: 2
    Text { id: caption; font.pixelSize: Theme.fontSmall; color: Theme.muted }
    ComboBox {
        id: box
        Layout.preferredWidth: Math.round(170 * Theme.scale)
        implicitHeight: Theme.touch
        font.pixelSize: Theme.font
        model: [qsTr("any")].concat(filter.values)
        Accessible.name: filter.label
    }
    function select(v) { box.currentIndex = v === "" ? 0 : values.indexOf(v) + 1 }
}
