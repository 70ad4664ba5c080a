import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// Everything core flagged or rejected, filterable by class, day and reason, each with its
// page. Open a card to resolve its fields; reject a card that cannot be used (with a reason).
Item {
    id: page
    required property Station station
    signal openCard(string serial)

    RecordFilterModel {
        id: filtered
        records: page.station.review.items
        text: search.text
        filters: ({ className: classFilter.value, day: dayFilter.value, reason: reasonFilter.value })
    }
    ConfirmDialog {
        id: rejectDialog
        property string serial
        title: qsTr("Reject card %1?").arg(serial)
        question: qsTr("The card's data will not be used. Give it back to the teacher to enter by hand.")
        confirmText: qsTr("Reject card")
        onAccepted: page.station.review.reject(serial, qsTr("rejected at review: unusable card"))
    }

    OutageAssignDialog {
        id: assignDialog
        objectName: "outageAssignDialog"
        classes: page.station.office.classes
        onAssign: (itemId, className, day, lessonNumber, reason) =>
                  page.station.review.assignOutageCard(itemId, className, day, lessonNumber, reason)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Review queue")
            subtitle: qsTr("%n item(s) waiting for a person", "", page.station.review.items.count)
        }
        RowLayout {
            objectName: "reviewFilters"
            spacing: Theme.spacing
            ChoiceFilter { id: classFilter; objectName: "classFilter"; label: qsTr("Class"); values: filtered.records && filtered.records.count >= 0 ? filtered.valuesOf("className") : [] }
            ChoiceFilter { id: dayFilter; objectName: "dayFilter"; label: qsTr("Day"); values: filtered.records && filtered.records.count >= 0 ? filtered.valuesOf("day") : [] }
            ChoiceFilter { id: reasonFilter; objectName: "reasonFilter"; label: qsTr("Reason"); values: filtered.records && filtered.records.count >= 0 ? filtered.valuesOf("reason") : [] }
            SearchField { id: search; Layout.fillWidth: true; Layout.alignment: Qt.AlignBottom }
        }
        MessageBanner { Layout.fillWidth: true; text: page.station.review.message }
        ListView {
            id: list
            objectName: "reviewList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: filtered
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                required property string serial
                required property string className
                required property string day
                required property string reason
                required property string detail
                required property url imageUrl
                required property url cropUrl
                required property var itemId
                required property string code
                required property int index
                width: list.width
                height: Math.round(96 * Theme.scale)
                radius: Theme.radius
                color: reason === "rejected" ? Theme.badBackground : Theme.warnBackground
                border.color: ListView.isCurrentItem && list.activeFocus ? Theme.focus : Theme.border
                border.width: ListView.isCurrentItem && list.activeFocus ? 3 : 1
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    spacing: Theme.spacing
                    Image { // the card's page, scaled to a crop-sized preview
                        objectName: "reviewPage_" + index
                        Layout.preferredWidth: height * 0.7
                        Layout.fillHeight: true
                        source: imageUrl
                        sourceSize.width: 120
                        fillMode: Image.PreserveAspectFit
                        asynchronous: true
                    }
                    Image { // a flagged field: its whole row as scanned, straightened
                        objectName: "reviewCrop_" + index
                        visible: cropUrl.toString().length > 0
                        Layout.preferredWidth: visible ? height * 5 : 0
                        Layout.fillHeight: true
                        source: cropUrl
                        fillMode: Image.PreserveAspectFit
                        asynchronous: true
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Text { text: serial + " · " + className + " · " + day; font.pixelSize: Theme.font; font.bold: true; color: Theme.text }
                        Text { Layout.fillWidth: true; text: detail; font.pixelSize: Theme.font; color: reason === "rejected" ? Theme.bad : Theme.warn; elide: Text.ElideRight }
                    }
                    KioskButton {
                        text: qsTr("Open card")
                        onClicked: page.openCard(serial)
                    }
                    KioskButton {
                        objectName: "assignOutage_" + index
                        visible: code === "outage_unresolved" && page.station.session.permissions.includes("assign_outage_card")
                        text: qsTr("Assign lesson")
                        onClicked: {
                            assignDialog.itemId = itemId
                            assignDialog.serial = serial
                            assignDialog.day = day.length > 0 ? day : new Date().toISOString().slice(0, 10)
                            assignDialog.open()
                        }
                    }
                    KioskButton {
                        visible: page.station.session.permissions.includes("reject_card")
                        text: qsTr("Reject")
                        tone: Theme.bad
                        filled: false
                        onClicked: { rejectDialog.serial = serial; rejectDialog.open() }
                    }
                }
            }
            Keys.onReturnPressed: if (currentIndex >= 0) page.openCard(filtered.get(currentIndex).serial)
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nothing waits for review.")
                font.pixelSize: Theme.fontLarge
                color: Theme.muted
            }
        }
    }
}
