import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The pupils the operator may see, read-only (the roster comes from the register): core
// decides whose (an administrator every class, a teacher the classes taught) and records each
// view. The pupils are read while the screen is shown and forgotten when it is left.
Item {
    id: page
    required property Station station

    function track() {
        if (page.visible)
            page.station.office.showRoster()
        else
            page.station.office.hideRoster()
    }
    onVisibleChanged: track()
    Component.onCompleted: track()
    Component.onDestruction: if (page.station) page.station.office.hideRoster()

    RecordFilterModel {
        id: filtered
        records: page.station.office.roster
        text: search.text
        filters: ({ className: classFilter.value })
    }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing
        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Roster")
            subtitle: qsTr("%n pupil(s)", "", filtered.count)
        }
        RowLayout {
            spacing: Theme.spacing
            ChoiceFilter { id: classFilter; label: qsTr("Class"); values: page.station.office.rosterClasses }
            SearchField { id: search; objectName: "rosterSearch"; Layout.fillWidth: true; Layout.alignment: Qt.AlignBottom }
        }
        Text {
            objectName: "rosterEmpty"
            Layout.fillWidth: true
            visible: page.station.office.roster.count === 0
            text: qsTr("No pupils to show: your role sees the pupils of the classes you teach or lead.")
            font.pixelSize: Theme.font
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list
            objectName: "rosterList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: filtered
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                required property string className
                required property int number
                required property string name
                required property string note
                width: list.width
                spacing: Theme.spacing
                Text { text: className; font.pixelSize: Theme.font; color: Theme.muted; Layout.preferredWidth: Math.round(60 * Theme.scale) }
                Text { text: number + "."; font.pixelSize: Theme.font; color: Theme.muted; Layout.preferredWidth: Math.round(40 * Theme.scale) }
                Text { text: name; font.pixelSize: Theme.font; color: Theme.text; Layout.fillWidth: true }
                Text { text: note; font.pixelSize: Theme.fontSmall; color: Theme.muted }
            }
        }
    }
}
