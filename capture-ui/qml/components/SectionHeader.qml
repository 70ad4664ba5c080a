import QtQuick
import QtQuick.Layouts
import ScanStation.Kiosk

// A screen's title with a line of explanation under it.
ColumnLayout {
    property alias title: titleText.text
    property alias subtitle: subtitleText.text
    spacing: 2
    Text {
        id: titleText
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
    }
    Text {
        id: subtitleText
        visible: text.length > 0
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.muted
    }
}
