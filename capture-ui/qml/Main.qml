import QtQuick
import QtQuick.Controls
import ScanStation.Kiosk

// The kiosk window. main.cpp gives the station (real or demo); everything else is KioskShell.
ApplicationWindow {
    id: window
    required property Station station
    width: 1280
    height: 800
    visible: true
    title: qsTr("ScanStation")

    KioskShell {
        anchors.fill: parent
        station: window.station
    }
}
