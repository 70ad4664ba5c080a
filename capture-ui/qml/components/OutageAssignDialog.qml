import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Assigns an outage card (printed without a lesson, filled by hand during an outage) to the
// lesson the teacher wrote on it: class, day and lesson number. core finds the lesson in the
// timetable, checks the card again against it and says why not when it cannot.
Dialog {
    id: dialog
    property var itemId
    property string serial
    property var classes: []
    property alias day: dayField.text
    readonly property string className: classBox.currentText
    readonly property int lessonNumber: lessonBox.value
    signal assign(var itemId, string className, string day, int lessonNumber, string reason)

    title: qsTr("Assign outage card %1 to a lesson").arg(serial)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.round(640 * Theme.scale)
    font.pixelSize: Theme.font
    onAccepted: assign(itemId, classBox.currentText, dayField.text, lessonBox.value,
                       qsTr("outage card assigned to the lesson written on it"))

    contentItem: GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Label { text: qsTr("Class"); font.pixelSize: Theme.font }
        ComboBox {
            id: classBox
            objectName: "outageClass"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            model: dialog.classes
        }
        Label { text: qsTr("Day (YYYY-MM-DD)"); font.pixelSize: Theme.font }
        TextField {
            id: dayField
            objectName: "outageDay"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            inputMethodHints: Qt.ImhDate
        }
        Label { text: qsTr("Lesson number"); font.pixelSize: Theme.font }
        SpinBox {
            id: lessonBox
            objectName: "outageLesson"
            implicitHeight: Theme.touch
            from: 0
            to: 12
            value: 1
            editable: true
        }
    }
    footer: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        KioskButton { text: qsTr("Cancel"); filled: false; onClicked: dialog.reject() }
        KioskButton { objectName: "assignButton"; text: qsTr("Assign"); onClicked: dialog.accept() }
        Item { width: Theme.spacing }
    }
}
