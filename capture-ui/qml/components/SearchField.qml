import QtQuick
import QtQuick.Controls
import ScanStation.Kiosk

// A large search box; Escape clears it.
TextField {
    id: field
    implicitHeight: Theme.touch
    font.pixelSize: Theme.font
    placeholderText: qsTr("Search…")
    selectByMouse: true
    Keys.onEscapePressed: clear()
    Accessible.name: placeholderText
}
