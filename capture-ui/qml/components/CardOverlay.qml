import QtQuick
import ScanStation.Kiosk

// The scanned card with what was read drawn over it: every marked bubble ringed, every
// flagged field framed in orange. Tapping a flagged field selects it for correction.
// Field and bubble positions are millimetres from the card's top-left corner.
Item {
    id: overlay
    property url imageUrl
    property real pageWidthMm: 210
    property real pageHeightMm: 297
    property var fields // RecordListModel of the card's fields
    property string selectedFieldId
    signal fieldTapped(string fieldId)

    Image {
        id: page
        anchors.fill: parent
        source: overlay.imageUrl
        fillMode: Image.PreserveAspectFit
        asynchronous: true
    }
    Item {
        id: paper // the painted card, whatever the letterboxing
        readonly property real pxPerMm: page.paintedWidth / overlay.pageWidthMm
        x: (page.width - page.paintedWidth) / 2
        y: (page.height - page.paintedHeight) / 2
        width: page.paintedWidth
        height: page.paintedHeight

        Repeater {
            model: overlay.fields
            delegate: Item {
                id: field
                required property string fieldId
                required property real xMm
                required property real yMm
                required property real widthMm
                required property real heightMm
                required property bool flagged
                required property var marks
                readonly property bool selected: overlay.selectedFieldId === fieldId

                Rectangle {
                    objectName: "field_" + field.fieldId
                    x: field.xMm * paper.pxPerMm
                    y: field.yMm * paper.pxPerMm
                    width: field.widthMm * paper.pxPerMm
                    height: field.heightMm * paper.pxPerMm
                    visible: field.flagged || field.selected
                    color: field.selected ? "#401f5fa8" : "#40ff9800"
                    border.width: field.selected ? 4 : 3
                    border.color: field.selected ? Theme.primary : Theme.warn
                    radius: 4
                    MouseArea {
                        anchors.fill: parent
                        anchors.margins: -8 // a fingertip is wider than a bubble row
                        onClicked: overlay.fieldTapped(field.fieldId)
                    }
                }
                Repeater {
                    model: field.marks
                    delegate: Rectangle {
                        required property var modelData
                        visible: modelData.marked
                        readonly property real r: (modelData.radiusMm + 1.2) * paper.pxPerMm
                        x: modelData.xMm * paper.pxPerMm - r
                        y: modelData.yMm * paper.pxPerMm - r
                        width: 2 * r
                        height: 2 * r
                        radius: r
                        color: "transparent"
                        border.width: 2
                        border.color: field.flagged ? Theme.warn : Theme.ok
                    }
                }
            }
        }
    }
}
