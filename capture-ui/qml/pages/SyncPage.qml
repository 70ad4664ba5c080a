import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Is the register reachable, since when, what waits to be sent, and the last error in plain
// words. "Try now" asks the sync library for a try at once (off the UI thread).
Item {
    id: page
    required property Station station
    readonly property var sync: station.sync

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Sync with the register")
            subtitle: qsTr("Every card's data stays on this station until the register confirms it.")
        }
        RowLayout {
            spacing: Theme.spacing * 2
            StatusPill {
                objectName: "syncPill"
                online: page.sync.online
                since: page.sync.since
                waiting: page.sync.waiting
            }
            KioskButton {
                objectName: "tryNowButton"
                visible: page.station.session.permissions.includes("run_sync")
                text: page.sync.busy ? qsTr("Trying…") : qsTr("Try now")
                enabled: !page.sync.busy
                onClicked: page.sync.tryNow()
            }
            BusyIndicator { running: page.sync.busy; visible: running }
        }
        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            Text { text: qsTr("State"); font.pixelSize: Theme.font; color: Theme.muted }
            Text {
                text: page.sync.online ? qsTr("online since %1").arg(Theme.dateTimeText(page.sync.since))
                                       : qsTr("offline since %1").arg(Theme.dateTimeText(page.sync.since))
                font.pixelSize: Theme.font; color: Theme.text
            }
            Text { text: qsTr("Waiting to be sent"); font.pixelSize: Theme.font; color: Theme.muted }
            Text { objectName: "waitingText"; text: qsTr("%n record(s)", "", page.sync.waiting); font.pixelSize: Theme.font; font.bold: page.sync.waiting > 0; color: Theme.text }
            Text { text: qsTr("Oldest waiting since"); font.pixelSize: Theme.font; color: Theme.muted }
            Text { text: page.sync.waiting > 0 ? Theme.dateTimeText(page.sync.oldestWaiting) : "–"; font.pixelSize: Theme.font; color: Theme.text }
            Text { text: qsTr("Last error"); font.pixelSize: Theme.font; color: Theme.muted }
            Text {
                objectName: "lastErrorText"
                Layout.fillWidth: true
                text: page.sync.lastError.length > 0 ? page.sync.lastError : qsTr("none")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.font
                color: page.sync.lastError.length > 0 ? Theme.bad : Theme.text
            }
        }
        Text { text: qsTr("Outbox"); font.pixelSize: Theme.fontLarge; font.bold: true; color: Theme.text }
        ListView {
            id: outbox
            objectName: "outboxList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.sync.outbox
            ScrollBar.vertical: ScrollBar {}
            delegate: Text {
                required property string recordId
                required property string kind
                required property var queuedAt
                required property int attempts
                width: outbox.width
                padding: 6
                text: recordId + " · " + kind + " · " + qsTr("queued %1").arg(Theme.dateTimeText(queuedAt))
                      + (attempts > 0 ? " · " + qsTr("%n attempt(s)", "", attempts) : "")
                font.pixelSize: Theme.font
                color: Theme.text
            }
            Text {
                anchors.centerIn: parent
                visible: outbox.count === 0
                text: qsTr("The outbox is empty: the register has everything.")
                font.pixelSize: Theme.fontLarge
                color: Theme.ok
            }
        }
    }
}
