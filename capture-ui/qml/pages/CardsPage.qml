import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Printing cards: a class's cards for a range of days (one per lesson of the timetable), or
// blank outage cards on which the teacher bubbles class, date and lesson.
Item {
    id: page
    required property Station station
    readonly property var office: station.office

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 2

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Print cards")
            subtitle: qsTr("Cards carry the class, the lesson and a code that ties them to this school.")
        }
        GridLayout {
            columns: 4
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Text { text: qsTr("Class"); font.pixelSize: Theme.font; color: Theme.muted }
            Text { text: qsTr("First day"); font.pixelSize: Theme.font; color: Theme.muted }
            Text { text: qsTr("Last day"); font.pixelSize: Theme.font; color: Theme.muted }
            Item { width: 1 }
            ComboBox {
                id: classBox
                objectName: "printClass"
                implicitHeight: Theme.touch
                Layout.preferredWidth: Math.round(160 * Theme.scale)
                font.pixelSize: Theme.font
                model: page.office.classes
                Accessible.name: qsTr("Class")
            }
            TextField {
                id: fromDay
                objectName: "printFrom"
                implicitHeight: Theme.touch
                font.pixelSize: Theme.font
                text: Qt.formatDate(new Date(Date.now() + 86400000), "yyyy-MM-dd")
                inputMask: "9999-99-99"
                Accessible.name: qsTr("First day")
            }
            TextField {
                id: toDay
                objectName: "printTo"
                implicitHeight: Theme.touch
                font.pixelSize: Theme.font
                text: Qt.formatDate(new Date(Date.now() + 5 * 86400000), "yyyy-MM-dd")
                inputMask: "9999-99-99"
                Accessible.name: qsTr("Last day")
            }
            KioskButton {
                objectName: "printButton"
                text: qsTr("Print cards")
                enabled: classBox.currentIndex >= 0
                onClicked: page.office.printCards(classBox.currentText, fromDay.text, toDay.text)
            }
        }
        RowLayout {
            spacing: Theme.spacing
            Text { text: qsTr("Outage cards"); font.pixelSize: Theme.font; color: Theme.muted }
            SpinBox {
                id: outageCount
                objectName: "outageCount"
                implicitHeight: Theme.touch
                font.pixelSize: Theme.font
                from: 1
                to: 200
                value: 20
                editable: true
                Accessible.name: qsTr("Outage cards")
            }
            KioskButton {
                text: qsTr("Print outage cards")
                filled: false
                onClicked: page.office.printOutageCards(outageCount.value)
            }
        }
        MessageBanner {
            objectName: "printMessage"
            Layout.fillWidth: true
            text: page.office.message
            good: true
        }
        Item { Layout.fillHeight: true }
    }
}
