import QtQuick
import ScanStation.Kiosk

// The scanned page with what was read drawn over it: every marked bubble ringed, every
// flagged field framed in orange. Tapping a flagged field selects it for correction.
// Field and bubble positions are millimetres from the card's top-left corner; the card's
// frame (recognition's homography, card mm -> page pixels) carries them onto the page as it
// lies, skewed, turned or scaled. The page is shown turned so that the card stands upright.
Item {
    id: overlay
    property url imageUrl
    property real pageWidthMm: 210
    property real pageHeightMm: 297
    property var fields // RecordListModel of the card's fields
    property string selectedFieldId
    property bool hasFrame: false     // without a frame the page is taken as the card itself
    property matrix4x4 cardToPage     // card mm -> page image pixels
    property int rotationDegrees: 0   // the card's clockwise turn on the page
    readonly property bool sideways: rotationDegrees === 90 || rotationDegrees === 270
    signal fieldTapped(string fieldId)

    Item {
        id: sheet // the page as scanned, turned back by the card's turn
        anchors.centerIn: parent
        width: overlay.sideways ? overlay.height : overlay.width
        height: overlay.sideways ? overlay.width : overlay.height
        rotation: -overlay.rotationDegrees

        Image {
            id: page
            objectName: "cardPageImage"
            anchors.fill: parent
            source: overlay.imageUrl
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        Item {
            id: paper // the painted page, whatever the letterboxing
            objectName: "cardPaper"
            // Screen pixels per pixel of the page image.
            readonly property real pxPerImagePx: page.sourceSize.width > 0 ? page.paintedWidth / page.sourceSize.width : 0
            // Screen pixels per card millimetre near the card's top-left corner: the unit of the
            // layer below, so that line widths and margins read as screen pixels.
            readonly property real pxPerMm: overlay.hasFrame
                ? pxPerImagePx * Math.hypot(overlay.cardToPage.m11, overlay.cardToPage.m21) / overlay.cardToPage.m44
                : page.paintedWidth / overlay.pageWidthMm
            x: (page.width - page.paintedWidth) / 2
            y: (page.height - page.paintedHeight) / 2
            width: page.paintedWidth
            height: page.paintedHeight
            visible: page.status === Image.Ready

            Item {
                id: card // card mm × pxPerMm, carried onto the painted page through the frame
                objectName: "cardLayer"
                width: overlay.pageWidthMm * paper.pxPerMm
                height: overlay.pageHeightMm * paper.pxPerMm
                transform: Matrix4x4 {
                    matrix: !overlay.hasFrame || paper.pxPerMm <= 0 ? Qt.matrix4x4()
                        : Qt.matrix4x4(paper.pxPerImagePx, 0, 0, 0,
                                       0, paper.pxPerImagePx, 0, 0,
                                       0, 0, 1, 0,
                                       0, 0, 0, 1)
                            .times(overlay.cardToPage)
                            .times(Qt.matrix4x4(1 / paper.pxPerMm, 0, 0, 0,
                                                0, 1 / paper.pxPerMm, 0, 0,
                                                0, 0, 1, 0,
                                                0, 0, 0, 1))
                }

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
                                objectName: "mark_" + field.fieldId + "_" + modelData.value
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
    }
}
