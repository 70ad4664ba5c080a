import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The school rule: after signing in the operator sees the last successful and failed sign-in,
// so a stranger's use of the account shows.
Rectangle {
    id: panel
    property var lastSuccess
    property var lastFailure
    property string operatorName
    signal dismissed()

    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    color: "#e6f0fb"
    border.color: Theme.primary
    radius: Theme.radius

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing * 2
        Text {
            text: qsTr("Welcome, %1.").arg(panel.operatorName)
            font.pixelSize: Theme.font
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "lastSuccessText"
            text: qsTr("Last successful sign-in: %1").arg(Theme.dateTimeText(panel.lastSuccess))
            font.pixelSize: Theme.font
            color: Theme.text
        }
        Text {
            objectName: "lastFailureText"
            text: qsTr("Last failed sign-in: %1").arg(Theme.dateTimeText(panel.lastFailure))
            font.pixelSize: Theme.font
            color: Theme.bad
        }
        Item { Layout.fillWidth: true }
        KioskButton {
            text: qsTr("OK")
            filled: false
            onClicked: panel.dismissed()
        }
    }
}
