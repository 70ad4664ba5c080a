import QtQuick
import ScanStation.Kiosk

// Online or offline, and since when: the sync status in one glance.
Rectangle {
    id: pill
    property bool online: false
    property var since
    property int waiting: 0

    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: Theme.fontSmall + 16
    radius: height / 2
    color: online && waiting === 0 ? Theme.ok : (online ? Theme.warn : Theme.bad)

    Text {
        id: label
        anchors.centerIn: parent
        color: "white"
        font.pixelSize: Theme.fontSmall
        font.bold: true
        text: (pill.online ? qsTr("Online")
               : pill.since && !isNaN(pill.since.getTime()) ? qsTr("Offline since %1").arg(Theme.dateTimeText(pill.since))
               : qsTr("Not sent yet"))
              + (pill.waiting > 0 ? " · " + qsTr("%n waiting", "", pill.waiting) : "")
    }
}
