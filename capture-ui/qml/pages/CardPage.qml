import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// One card as it was read. Flagged fields are framed on the card and listed on the right;
// tap one (on the card or in the list), choose what the teacher meant and say why.
Item {
    id: page
    required property Station station
    readonly property var card: station.card
    property var selectedField: ({})
    signal back()

    function select(fieldId) {
        const row = page.card.fields.indexOfKey(fieldId)
        page.selectedField = row >= 0 ? page.card.fields.get(row) : ({})
    }
    Connections {
        target: page.card
        function onCardChanged() { page.selectedField = ({}) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            KioskButton { objectName: "backButton"; text: qsTr("← Back"); filled: false; onClicked: page.back() }
            SectionHeader {
                Layout.fillWidth: true
                title: page.card.serial.length > 0 ? qsTr("Card %1").arg(page.card.serial) : qsTr("Card")
                subtitle: page.card.serial.length > 0 ? page.card.className + " · " + page.card.lesson : qsTr("Open a card from the scan or the review queue.")
            }
            Text {
                objectName: "cardStatus"
                text: page.card.status === "accepted" ? qsTr("accepted")
                      : page.card.status === "needs review" ? qsTr("needs review")
                      : page.card.status
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: page.card.status === "accepted" ? Theme.ok : Theme.warn
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing * 2
            CardOverlay {
                objectName: "cardOverlay"
                Layout.fillHeight: true
                Layout.preferredWidth: height * page.card.pageWidthMm / page.card.pageHeightMm
                imageUrl: page.card.imageUrl
                pageWidthMm: page.card.pageWidthMm
                pageHeightMm: page.card.pageHeightMm
                hasFrame: page.card.hasFrame
                cardToPage: page.card.cardToPage
                rotationDegrees: page.card.rotationDegrees
                fields: page.card.fields
                selectedFieldId: page.selectedField.fieldId !== undefined ? page.selectedField.fieldId : ""
                onFieldTapped: (fieldId) => page.select(fieldId)
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                Text {
                    text: page.card.flaggedCount > 0 ? qsTr("%n field(s) to check", "", page.card.flaggedCount)
                                                     : qsTr("Nothing to check on this card.")
                    font.pixelSize: Theme.fontLarge
                    color: page.card.flaggedCount > 0 ? Theme.warn : Theme.ok
                }
                Repeater {
                    model: page.card.fields
                    delegate: KioskButton {
                        required property string fieldId
                        required property string label
                        required property string reason
                        required property bool flagged
                        visible: flagged
                        objectName: "flagged_" + fieldId
                        Layout.fillWidth: true
                        text: label + " – " + reason
                        tone: Theme.warn
                        filled: page.selectedField.fieldId === fieldId
                        onClicked: page.select(fieldId)
                    }
                }
                CorrectionPanel {
                    objectName: "correctionPanel"
                    Layout.fillWidth: true
                    visible: page.selectedField.fieldId !== undefined
                    field: page.selectedField
                    enabled: page.station.session.permissions.includes("resolve_review")
                    onSave: (fieldId, value, reason) => page.card.correct(fieldId, value, reason)
                }
                Text {
                    Layout.fillWidth: true
                    visible: page.selectedField.fieldId !== undefined && !page.station.session.permissions.includes("resolve_review")
                    text: qsTr("Your role may look at this card but not change it.")
                    font.pixelSize: Theme.font
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                }
                MessageBanner { objectName: "cardMessage"; Layout.fillWidth: true; text: page.card.message }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
