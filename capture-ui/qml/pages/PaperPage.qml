import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The paper held on the station, by day. A card may be shredded only when the register has
// its data and nothing of it is in review (core refuses anything else, with the reason).
Item {
    id: page
    required property Station station
    readonly property var paper: station.paper

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Paper cards")
            subtitle: qsTr("Keep each day's cards together under its label until they may be shredded.")
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: page.paper.days
                delegate: ColumnLayout {
                    required property string day
                    required property string labelCode
                    required property int cards
                    required property int eligible
                    required property int shredded
                    DayStackCard {
                        day: parent.day
                        labelCode: parent.labelCode
                        cards: parent.cards
                        eligible: parent.eligible
                        shredded: parent.shredded
                    }
                    KioskButton {
                        objectName: "printLabel_" + parent.day
                        Layout.fillWidth: true
                        visible: parent.cards > 0 && page.station.session.permissions.includes("file_cards")
                        text: qsTr("Print label")
                        filled: false
                        font.pixelSize: Theme.fontSmall
                        onClicked: page.paper.printLabel(parent.day)
                    }
                    KioskButton {
                        Layout.fillWidth: true
                        visible: parent.shredded > 0
                        text: qsTr("Shredding protocol")
                        filled: false
                        font.pixelSize: Theme.fontSmall
                        onClicked: page.paper.writeProtocol(parent.day)
                    }
                }
            }
        }
        ShredConfirmPanel {
            id: shred
            objectName: "shredPanel"
            Layout.fillWidth: true
            visible: page.station.session.permissions.includes("shred_cards")
            message: page.paper.message
            accepted: page.paper.lastAccepted
            onConfirm: (code) => page.paper.confirmShredded(code)
        }
        ListView {
            id: cards
            objectName: "custodyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.paper.cards
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                required property string serial
                required property string day
                required property string lesson
                required property bool eligible
                required property bool shredded
                required property string reason
                width: cards.width
                spacing: Theme.spacing
                Text { text: serial; font.pixelSize: Theme.font; font.family: "DejaVu Sans Mono"; color: Theme.text; Layout.preferredWidth: Math.round(140 * Theme.scale) }
                Text { text: day; font.pixelSize: Theme.font; color: Theme.muted; Layout.preferredWidth: Math.round(120 * Theme.scale) }
                Text { text: lesson; font.pixelSize: Theme.font; color: Theme.text; Layout.fillWidth: true; elide: Text.ElideRight }
                Text {
                    text: shredded ? qsTr("shredded") : eligible ? qsTr("may be shredded") : reason
                    font.pixelSize: Theme.font
                    font.bold: eligible
                    color: shredded ? Theme.muted : eligible ? Theme.ok : Theme.warn
                }
            }
        }
    }
}
