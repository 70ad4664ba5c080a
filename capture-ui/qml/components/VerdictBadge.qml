import QtQuick
import ScanStation.Kiosk

// A page's verdict as a coloured word: read / check this / rejected / not a card.
Rectangle {
    property string verdict
    implicitWidth: word.implicitWidth + 16
    implicitHeight: word.implicitHeight + 8
    radius: 4
    color: Theme.verdictColour(verdict)
    Text {
        id: word
        anchors.centerIn: parent
        text: Theme.verdictText(parent.verdict)
        color: "white"
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
