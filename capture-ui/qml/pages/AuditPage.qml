import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The audit log, newest first, read-only and searchable.
Item {
    id: page
    required property Station station

    RecordFilterModel {
        id: filtered
        records: page.station.office.audit
        text: search.text
    }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing
        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Audit log")
            subtitle: qsTr("Read-only. %n entr(ies) shown.", "", filtered.count)
        }
        SearchField { id: search; objectName: "auditSearch"; Layout.fillWidth: true }
        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: filtered
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                required property var time
                required property string operatorName
                required property string action
                required property string subject
                required property string detail
                width: list.width
                spacing: Theme.spacing
                Text { text: Theme.dateTimeText(time); font.pixelSize: Theme.font; color: Theme.muted; Layout.preferredWidth: Math.round(170 * Theme.scale) }
                Text { text: operatorName; font.pixelSize: Theme.font; color: Theme.text; Layout.preferredWidth: Math.round(180 * Theme.scale); elide: Text.ElideRight }
                Text { text: action; font.pixelSize: Theme.font; font.bold: true; color: Theme.text; Layout.preferredWidth: Math.round(180 * Theme.scale); elide: Text.ElideRight }
                Text { text: subject + (detail.length > 0 ? " – " + detail : ""); font.pixelSize: Theme.font; color: Theme.text; Layout.fillWidth: true; elide: Text.ElideRight }
            }
        }
    }
}
