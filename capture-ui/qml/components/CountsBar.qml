import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Progress of the batch and what came of it so far.
ColumnLayout {
    id: bar
    property int total: 0
    property int processed: 0
    property int readCount: 0
    property int checkCount: 0
    property int rejectedCount: 0
    property int notCardCount: 0
    property int duplicateCount: 0
    spacing: Theme.spacing / 2

    ProgressBar {
        Layout.fillWidth: true
        from: 0
        to: Math.max(1, bar.total)
        value: bar.processed
        Accessible.name: qsTr("%1 of %2 pages").arg(bar.processed).arg(bar.total)
    }
    RowLayout {
        spacing: Theme.spacing * 2
        Text { text: qsTr("%1 of %2 pages").arg(bar.processed).arg(bar.total); font.pixelSize: Theme.font; font.bold: true; color: Theme.text }
        Text { objectName: "countRead"; text: qsTr("read: %1").arg(bar.readCount); font.pixelSize: Theme.font; color: Theme.ok }
        Text { objectName: "countCheck"; text: qsTr("check this: %1").arg(bar.checkCount); font.pixelSize: Theme.font; color: Theme.warn; font.bold: bar.checkCount > 0 }
        Text { objectName: "countRejected"; text: qsTr("rejected: %1").arg(bar.rejectedCount); font.pixelSize: Theme.font; color: Theme.bad; font.bold: bar.rejectedCount > 0 }
        Text { text: qsTr("not a card: %1").arg(bar.notCardCount); font.pixelSize: Theme.font; color: Theme.neutral }
        Text { text: qsTr("already scanned: %1").arg(bar.duplicateCount); font.pixelSize: Theme.font; color: Theme.neutral }
    }
}
