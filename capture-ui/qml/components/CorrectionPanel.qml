import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Correcting one flagged field: pick the value the teacher meant and say why. The station
// records who chose it and why (core audits it); Save stays off until both are given.
Rectangle {
    id: panel
    property var field: ({}) // one row of the card's fields
    property string chosenValue: field.value !== undefined ? field.value : ""
    property bool chosen: false
    property alias reason: reasonField.text
    signal save(string fieldId, string value, string reason)

    onFieldChanged: { chosen = false; reasonField.clear() }
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        Text {
            Layout.fillWidth: true
            text: panel.field.label !== undefined ? panel.field.label : qsTr("Tap a framed field on the card")
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            visible: text.length > 0
            text: panel.field.reason !== undefined ? panel.field.reason : ""
            font.pixelSize: Theme.font
            color: Theme.warn
            wrapMode: Text.WordWrap
        }
        Text { text: qsTr("What did the teacher mean?"); font.pixelSize: Theme.font; color: Theme.muted; visible: options.count > 0 }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Repeater {
                id: options
                model: panel.field.options !== undefined ? panel.field.options : []
                delegate: KioskButton {
                    required property string modelData
                    objectName: "option_" + (modelData === "" ? "present" : modelData)
                    text: Theme.codeText(modelData)
                    filled: panel.chosen && panel.chosenValue === modelData
                    onClicked: { panel.chosenValue = modelData; panel.chosen = true }
                }
            }
        }
        TextField {
            id: reasonField
            objectName: "reasonField"
            Layout.fillWidth: true
            visible: options.count > 0
            implicitHeight: Theme.touch
            font.pixelSize: Theme.font
            placeholderText: qsTr("Reason (required), e.g. \"teacher confirmed the pupil was absent\"")
            Accessible.name: qsTr("Reason")
        }
        Flow {
            Layout.fillWidth: true
            visible: options.count > 0
            spacing: Theme.spacing / 2
            Repeater {
                model: [qsTr("Teacher confirmed"), qsTr("Faint mark was intended"), qsTr("Mark erased badly")]
                delegate: KioskButton {
                    required property string modelData
                    text: modelData
                    filled: false
                    tone: Theme.neutral
                    font.pixelSize: Theme.fontSmall
                    onClicked: reasonField.text = modelData
                }
            }
        }
        KioskButton {
            objectName: "saveCorrection"
            Layout.alignment: Qt.AlignRight
            visible: options.count > 0
            text: qsTr("Save correction")
            tone: Theme.ok
            enabled: panel.chosen && reasonField.text.trim().length > 0
            onClicked: panel.save(panel.field.fieldId, panel.chosenValue, reasonField.text.trim())
        }
    }
}
