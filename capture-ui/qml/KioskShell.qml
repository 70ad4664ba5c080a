import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The whole kiosk inside a window: a header with the operator, the sync state and "lock now",
// a navigation rail showing only the screens the operator's role may use (core's answer), and
// the screens. Signed out, only the sign-in screen shows. F1…F8 open screens, Ctrl+L locks.
Item {
    id: shell
    required property Station station
    property LanguageSwitcher language: LanguageSwitcher {}
    property string current: "scan"
    property bool showWelcome: false
    property string lockReason

    // Each screen with the action of core's permission matrix it needs ("" = any operator:
    // the sync state and one's own settings are no one's secret).
    readonly property var screens: [
        { name: "scan", title: qsTr("Scan"), action: "scan_cards", key: "F1" },
        { name: "card", title: qsTr("Card"), action: "view_cards", key: "" },
        { name: "review", title: qsTr("Review queue"), action: "view_cards", key: "F2" },
        { name: "sync", title: qsTr("Sync"), action: "", key: "F3" },
        { name: "paper", title: qsTr("Paper"), action: "view_reports", key: "F4" },
        { name: "cards", title: qsTr("Cards"), action: "print_cards", key: "F5" },
        { name: "roster", title: qsTr("Roster"), action: "view_pupil_data", key: "F6" },
        { name: "audit", title: qsTr("Audit log"), action: "view_audit", key: "F7" },
        { name: "settings", title: qsTr("Settings"), action: "", key: "F8" }
    ]
    readonly property var pageNames: ["scan", "card", "review", "sync", "paper", "cards", "roster", "audit", "settings"]

    function allowed(name) {
        if (name === "card") // a teacher opens own cards from the scan even without the queue
            return station.session.permissions.includes("view_cards")
        const s = screens.find(x => x.name === name)
        return s !== undefined && station.session.signedIn
               && (s.action === "" || station.session.permissions.includes(s.action))
    }
    function show(name) {
        if (!allowed(name))
            return
        current = name
        showWelcome = false // seen: the operator has moved on
    }
    function openCard(serial) {
        if (station.card.open(serial))
            show("card")
    }
    function firstAllowed() {
        const s = screens.find(x => x.name !== "card" && allowed(x.name))
        return s ? s.name : "settings"
    }

    Binding {
        target: Theme
        property: "scale"
        // 1 at 1280×800; up to 1.35 on a 1920×1080 screen.
        value: Math.max(1, Math.min(1.35, Math.min(shell.width / 1280, shell.height / 800)))
    }
    Connections {
        target: shell.station.session
        function onSignedInChanged() {
            if (shell.station.session.signedIn) {
                shell.lockReason = ""
                shell.showWelcome = true
                shell.current = shell.allowed("scan") ? "scan" : shell.firstAllowed()
            } else {
                shell.showWelcome = false
                shell.station.card.close()
                signIn.focusLogin()
            }
        }
        function onLocked(becauseIdle) {
            shell.lockReason = becauseIdle
                ? qsTr("Locked after %n minute(s) without activity.", "", shell.station.session.idleMinutes)
                : qsTr("The station was locked.")
        }
    }

    Shortcut { sequence: "Ctrl+L"; enabled: shell.station.session.signedIn; onActivated: shell.station.session.lockNow() }
    Repeater {
        model: shell.screens
        delegate: Item {
            required property var modelData
            Shortcut {
                sequence: modelData.key
                enabled: modelData.key.length > 0 && shell.station.session.signedIn
                onActivated: shell.show(modelData.name)
            }
        }
    }

    Rectangle { anchors.fill: parent; color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: shell.station.session.signedIn

        Rectangle { // header
            Layout.fillWidth: true
            implicitHeight: Theme.touch + Theme.spacing
            color: Theme.header
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 2
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing * 2
                Text { text: qsTr("ScanStation"); color: Theme.headerText; font.pixelSize: Theme.fontLarge; font.bold: true }
                Text {
                    Layout.fillWidth: true
                    text: shell.station.schoolName
                    color: "#b8c4d0"
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
                StatusPill {
                    objectName: "headerSyncPill"
                    online: shell.station.sync.online
                    since: shell.station.sync.since
                    waiting: shell.station.sync.waiting
                }
                Text {
                    objectName: "operatorText"
                    text: shell.station.session.operatorName + " · " + Theme.roleText(shell.station.session.role)
                    color: Theme.headerText
                    font.pixelSize: Theme.font
                }
                KioskButton {
                    objectName: "lockNowButton"
                    text: qsTr("Lock now")
                    tone: Theme.bad
                    onClicked: shell.station.session.lockNow()
                    Accessible.description: qsTr("Signs out at once, e.g. for an evacuation (Ctrl+L)")
                }
            }
        }
        LastSignInPanel {
            objectName: "welcomePanel"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            visible: shell.showWelcome
            operatorName: shell.station.session.operatorName
            lastSuccess: shell.station.session.lastSuccess
            lastFailure: shell.station.session.lastFailure
            onDismissed: shell.showWelcome = false
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Rectangle { // navigation rail
                Layout.fillHeight: true
                Layout.preferredWidth: Math.round(230 * Theme.scale)
                color: Theme.surface
                Column {
                    anchors.fill: parent
                    anchors.topMargin: Theme.spacing
                    Repeater {
                        model: shell.screens
                        delegate: NavButton {
                            required property var modelData
                            objectName: "nav_" + modelData.name
                            width: parent.width
                            visible: shell.allowed(modelData.name) && (modelData.name !== "card" || shell.station.card.serial.length > 0)
                            height: visible ? implicitHeight : 0
                            text: modelData.title
                            shortcutText: modelData.key
                            current: shell.current === modelData.name
                            badge: modelData.name === "review" ? shell.station.review.items.count
                                   : modelData.name === "sync" ? shell.station.sync.waiting : 0
                            onClicked: shell.show(modelData.name)
                        }
                    }
                }
            }
            StackLayout {
                id: stack
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: shell.pageNames.indexOf(shell.current)
                ScanPage { objectName: "scanPage"; station: shell.station; onOpenCard: (serial) => shell.openCard(serial) }
                CardPage { objectName: "cardPage"; station: shell.station; onBack: shell.show("scan") }
                ReviewPage { objectName: "reviewPage"; station: shell.station; onOpenCard: (serial) => shell.openCard(serial) }
                SyncPage { objectName: "syncPage"; station: shell.station }
                PaperPage { objectName: "paperPage"; station: shell.station }
                CardsPage { objectName: "cardsPage"; station: shell.station }
                RosterPage { objectName: "rosterPage"; station: shell.station }
                AuditPage { objectName: "auditPage"; station: shell.station }
                SettingsPage { objectName: "settingsPage"; station: shell.station; language: shell.language }
            }
        }
    }

    SignInPage {
        id: signIn
        objectName: "signInPage"
        anchors.fill: parent
        visible: !shell.station.session.signedIn
        station: shell.station
        lockReason: shell.lockReason
        Component.onCompleted: focusLogin()
    }
}
