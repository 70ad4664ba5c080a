import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ScanStation.Kiosk

// The station's settings the operator may change here: the idle lock (never longer than the
// school rule's ceiling, which core gives) and the language.
Item {
    id: page
    required property Station station
    required property LanguageSwitcher language

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 2
        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Settings")
            subtitle: page.station.schoolName + (page.station.demo ? " · " + qsTr("demo data, nothing is sent anywhere") : "")
        }
        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing
            Text { text: qsTr("Lock after inactivity (minutes)"); font.pixelSize: Theme.font; color: Theme.text }
            RowLayout {
                SpinBox {
                    id: idle
                    objectName: "idleMinutes"
                    implicitHeight: Theme.touch
                    font.pixelSize: Theme.font
                    from: 1
                    to: page.station.session.maxIdleMinutes
                    value: page.station.session.idleMinutes
                    editable: true
                    onValueModified: page.station.session.idleMinutes = value
                    Accessible.name: qsTr("Lock after inactivity (minutes)")
                }
                Text { text: qsTr("at most %1").arg(page.station.session.maxIdleMinutes); font.pixelSize: Theme.fontSmall; color: Theme.muted }
            }
            Text { text: qsTr("Language"); font.pixelSize: Theme.font; color: Theme.text }
            RowLayout {
                spacing: Theme.spacing / 2
                Repeater {
                    model: [ { code: "pl", name: "Polski" }, { code: "en", name: "English" }, { code: "ru", name: "Русский" } ]
                    delegate: KioskButton {
                        required property var modelData
                        objectName: "language_" + modelData.code
                        text: modelData.name
                        filled: page.language.language === modelData.code
                        onClicked: page.language.language = modelData.code
                    }
                }
            }
            Text { text: qsTr("Signed in as"); font.pixelSize: Theme.font; color: Theme.text }
            Text { text: page.station.session.operatorName + " (" + Theme.roleText(page.station.session.role) + ")"; font.pixelSize: Theme.font; color: Theme.text }
        }
        Item { Layout.fillHeight: true }
    }
}
