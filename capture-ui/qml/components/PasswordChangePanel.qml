import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The new password core asks for before a sign-in completes: after a one-time password (the
// first one, or a reset by the administrator) or when the password is older than 30 days.
// The rules (length, upper and lower case, digits, not the old one) are core's; its refusal
// is shown in its own words.
ColumnLayout {
    id: panel
    required property SessionController session
    spacing: Theme.spacing

    function focusFirst() { fresh.forceActiveFocus() }
    property string mismatch
    function submit() {
        if (fresh.text.length === 0 || repeated.text.length === 0)
            return
        mismatch = fresh.text === repeated.text ? "" : qsTr("The two new passwords differ.")
        if (mismatch.length === 0)
            panel.session.changePassword(fresh.text, repeated.text)
    }
    Connections {
        target: panel.session
        function onSignedInChanged() { fresh.clear(); repeated.clear() }
        function onMustChangePasswordChanged() { fresh.clear(); repeated.clear() }
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: why.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: Theme.warnBackground
        border.color: Theme.warn
        border.width: 2
        Text {
            id: why
            anchors.fill: parent
            anchors.margins: Theme.spacing
            text: qsTr("Choose a new password first (%1).").arg(panel.session.changeReason)
            font.pixelSize: Theme.font
            font.bold: true
            color: Theme.warn
            wrapMode: Text.WordWrap
        }
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("At least 8 characters with upper case, lower case and digits; not the old password.")
        color: "#b8c4d0"
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }
    TextField {
        id: fresh
        objectName: "newPasswordField"
        Layout.fillWidth: true
        implicitHeight: Theme.touch
        font.pixelSize: Theme.fontLarge
        placeholderText: qsTr("New password")
        Accessible.name: qsTr("New password")
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        onAccepted: repeated.forceActiveFocus()
    }
    TextField {
        id: repeated
        objectName: "repeatPasswordField"
        Layout.fillWidth: true
        implicitHeight: Theme.touch
        font.pixelSize: Theme.fontLarge
        placeholderText: qsTr("New password again")
        Accessible.name: qsTr("New password again")
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        onAccepted: panel.submit()
    }
    MessageBanner {
        objectName: "passwordMismatch"
        Layout.fillWidth: true
        text: panel.mismatch
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        KioskButton {
            objectName: "cancelPasswordChange"
            Layout.fillWidth: true
            text: qsTr("Cancel")
            filled: false
            onClicked: panel.session.cancelPasswordChange()
        }
        KioskButton {
            objectName: "changePasswordButton"
            Layout.fillWidth: true
            text: panel.session.busy ? qsTr("Checking…") : qsTr("Change password and sign in")
            enabled: !panel.session.busy && fresh.text.length > 0 && repeated.text.length > 0
            onClicked: panel.submit()
        }
    }
}
