import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// One scanned page in the batch: its thumbnail, its verdict and what needs the operator.
// A page that needs attention has a thick coloured frame.
ItemDelegate {
    id: tile
    property string verdict
    property url imageUrl
    property string serial
    property string lesson
    property string issues
    readonly property bool needsOperator: verdict === "check" || verdict === "rejected"

    implicitWidth: Math.round(230 * Theme.scale)
    implicitHeight: Math.round(300 * Theme.scale)
    focusPolicy: Qt.StrongFocus
    enabled: serial.length > 0
    Keys.onReturnPressed: clicked()
    Accessible.name: Theme.verdictText(verdict) + " " + serial

    background: Rectangle {
        radius: Theme.radius
        color: tile.needsOperator ? (tile.verdict === "rejected" ? Theme.badBackground : Theme.warnBackground) : Theme.surface
        border.width: tile.visualFocus ? 4 : (tile.needsOperator ? 4 : 1)
        border.color: tile.visualFocus ? Theme.focus : (tile.needsOperator ? Theme.verdictColour(tile.verdict) : Theme.border)
    }
    contentItem: ColumnLayout {
        spacing: 4
        opacity: 1
        Image {
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: tile.imageUrl
            sourceSize.width: 240
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        VerdictBadge { verdict: tile.verdict }
        Text {
            Layout.fillWidth: true
            text: tile.serial.length > 0 ? tile.serial : qsTr("no card")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            visible: text.length > 0
            text: tile.issues.length > 0 ? tile.issues : tile.lesson
            font.pixelSize: Theme.fontSmall
            color: tile.needsOperator ? Theme.verdictColour(tile.verdict) : Theme.muted
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
