import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Sign-in with the operator's login and PIN or password, or the operator's badge shown to the
// scanner or camera (looked for while this page is shown; a handheld code reader may also type
// the badge's code into the login field). Whether it is right, and what the operator may then
// do, is core's answer; the checks run off the UI thread (Argon2id and code reading are slow).
Rectangle {
    id: page
    required property Station station
    property string lockReason // shown after an idle lock or "lock now"
    color: Theme.header

    function focusLogin() { login.forceActiveFocus() }
    readonly property bool changing: page.station.session.mustChangePassword
    // Badge codes start so (core's operator_badges.hpp); a code reader types them like keys.
    function isBadgeCode(text) { return text.startsWith("SSB1|") }
    function submit() {
        if (login.text.length > 0 && secret.text.length > 0)
            page.station.session.signIn(login.text, secret.text)
    }
    property string badgeNote // what the last badge shown came to, when it did not sign in
    readonly property bool watching: visible && !changing
    onWatchingChanged: page.station.session.watchForBadges(watching)
    Component.onCompleted: page.station.session.watchForBadges(watching)
    Component.onDestruction: if (page.station) page.station.session.watchForBadges(false)
    Connections {
        target: page.station.session
        function onSignedInChanged() { secret.clear(); page.badgeNote = "" }
        function onBadgeRefused(reason) { page.badgeNote = qsTr("The badge was not accepted: %1").arg(reason) }
        function onForeignCodeSeen(what) { page.badgeNote = qsTr("That is not an operator badge (%1).").arg(what) }
        function onBadgePasswordRequired(who, reason) {
            login.text = who
            secret.forceActiveFocus()
            page.badgeNote = qsTr("Your password must be changed first (%1). Sign in with your password this time.").arg(reason)
        }
        function onMustChangePasswordChanged() {
            if (page.changing)
                passwordChange.focusFirst()
            else
                secret.clear()
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.spacing, Math.round(520 * Theme.scale))
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: page.station.schoolName
            color: Theme.headerText
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("ScanStation")
            color: Theme.headerText
            font.pixelSize: Theme.fontHuge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            visible: page.lockReason.length > 0
            text: page.lockReason
            color: Theme.focus
            font.pixelSize: Theme.font
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        TextField {
            id: login
            visible: !page.changing
            objectName: "loginField"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            placeholderText: qsTr("Login")
            Accessible.name: qsTr("Login")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            onAccepted: {
                if (page.isBadgeCode(text)) {
                    page.station.session.signInWithBadge(text)
                    clear()
                } else {
                    secret.forceActiveFocus()
                }
            }
            focus: true
        }
        TextField {
            id: secret
            visible: !page.changing
            objectName: "secretField"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            placeholderText: qsTr("PIN or password")
            Accessible.name: qsTr("PIN or password")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            onAccepted: page.submit()
        }
        PasswordChangePanel {
            id: passwordChange
            objectName: "passwordChangePanel"
            Layout.fillWidth: true
            visible: page.changing
            session: page.station.session
        }
        KioskButton {
            objectName: "signInButton"
            Layout.fillWidth: true
            visible: !page.changing
            text: page.station.session.busy ? qsTr("Checking…") : qsTr("Sign in")
            enabled: !page.station.session.busy && login.text.length > 0 && secret.text.length > 0
            onClicked: page.submit()
        }
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: page.station.session.busy
            visible: running
        }
        MessageBanner {
            objectName: "signInMessage"
            Layout.fillWidth: true
            text: page.station.session.message
        }
        MessageBanner {
            objectName: "badgeMessage"
            Layout.fillWidth: true
            text: page.badgeNote
        }
        Text {
            objectName: "badgeHint"
            Layout.fillWidth: true
            visible: page.station.session.watchingBadges
            text: qsTr("or show your badge to the scanner or camera")
            color: Theme.headerText
            font.pixelSize: Theme.font
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        KioskButton {
            objectName: "demoBadgeButton"
            Layout.alignment: Qt.AlignHCenter
            visible: page.station.demo && page.watching
            text: qsTr("Show the demo administrator's badge to the camera")
            onClicked: page.station.showDemoBadge("admin")
        }
        Text {
            Layout.fillWidth: true
            visible: page.station.demo
            text: qsTr("Demo accounts: admin / Admin1234 (administrator), dyrektor / Dyrektor1234 (director), jkaczmarek / Kaczmarek1234 (class teacher), rjakubowski / Jakubowski1234 (teacher), sekretariat / Sekret1234 (secretariat), wizytator / Wizytator1234 (inspector); abaran / Baran1234 is a one-time password")
            color: "#b8c4d0"
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Your actions on this station are recorded in the audit log.")
            color: "#b8c4d0"
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
