import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import ScanStation.Kiosk

// One big action: scan the stack in the feeder. Pages stream in as they are read, each with
// its verdict; anything that needs the operator is coloured and counted at the top.
Item {
    id: page
    required property Station station

    // A source spec (scanner's source_spec.hpp, "hot:" for the inbox) in words.
    function sourceLabel(spec) {
        const rest = spec.indexOf(":") >= 0 ? spec.slice(spec.indexOf(":") + 1) : ""
        const last = rest.split("/").filter(x => x.length > 0).pop() || rest
        if (spec.startsWith("sane"))
            return qsTr("Feeder scanner") + (rest.length > 0 ? " " + rest : "")
        if (spec.startsWith("hot:"))
            return qsTr("Hot folder") + " " + last
        if (spec.startsWith("camera"))
            return qsTr("Camera") + (rest.length > 0 ? " " + rest : "")
        if (spec.startsWith("folder:"))
            return qsTr("Folder") + " " + last
        return spec
    }
    readonly property var scan: station.scan
    signal openCard(string serial)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Scan")
            subtitle: qsTr("Put the cards in the feeder and press the button. Pages that need you are framed in orange or red; tap one to check it.")
        }
        RowLayout {
            spacing: Theme.spacing
            KioskButton {
                id: scanButton
                objectName: "scanButton"
                Layout.preferredWidth: Math.round(360 * Theme.scale)
                Layout.preferredHeight: Math.round(84 * Theme.scale)
                font.pixelSize: Theme.fontHuge
                text: page.scan.running ? qsTr("Stop") : qsTr("Scan the stack")
                tone: page.scan.running ? Theme.bad : Theme.primary
                onClicked: page.scan.running ? page.scan.stop() : page.scan.start()
            }
            ColumnLayout {
                Text { text: qsTr("Source"); font.pixelSize: Theme.fontSmall; color: Theme.muted }
                ComboBox {
                    implicitHeight: Theme.touch
                    Layout.preferredWidth: Math.round(260 * Theme.scale)
                    font.pixelSize: Theme.font
                    objectName: "sourceBox"
                    model: page.scan.sources
                    displayText: page.sourceLabel(currentText)
                    delegate: ItemDelegate {
                        required property string modelData
                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: page.sourceLabel(modelData)
                        font.pixelSize: Theme.font
                    }
                    enabled: !page.scan.running
                    onActivated: page.scan.source = currentText
                    Accessible.name: qsTr("Source")
                }
            }
            BusyIndicator { running: page.scan.running; visible: running }
        }
        CountsBar {
            Layout.fillWidth: true
            total: page.scan.total
            processed: page.scan.processed
            readCount: page.scan.readCount
            checkCount: page.scan.checkCount
            rejectedCount: page.scan.rejectedCount
            notCardCount: page.scan.notCardCount
            duplicateCount: page.scan.duplicateCount
        }
        Rectangle {
            objectName: "attentionBanner"
            Layout.fillWidth: true
            readonly property int needing: page.scan.checkCount + page.scan.rejectedCount
            visible: needing > 0
            implicitHeight: attentionText.implicitHeight + Theme.spacing
            radius: Theme.radius
            color: Theme.warnBackground
            border.color: Theme.warn
            border.width: 2
            Text {
                id: attentionText
                anchors.centerIn: parent
                text: qsTr("%n page(s) need you: tap the framed pages below.", "", parent.needing)
                font.pixelSize: Theme.font
                font.bold: true
                color: Theme.warn
            }
            SoundEffect {
                id: chime
                objectName: "attentionSound"
                source: "qrc:/qt/qml/ScanStation/Kiosk/sounds/attention.wav"
            }
            SequentialAnimation on opacity {
                id: flash
                running: false
                loops: 3
                NumberAnimation { to: 0.3; duration: 180 }
                NumberAnimation { to: 1.0; duration: 180 }
            }
            Connections {
                target: page.scan
                function onAttention() { flash.restart(); chime.play() }
            }
        }
        MessageBanner { Layout.fillWidth: true; text: page.scan.lastError }
        GridView {
            id: grid
            objectName: "pageGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: Math.round(240 * Theme.scale)
            cellHeight: Math.round(312 * Theme.scale)
            model: page.scan.pages
            keyNavigationEnabled: true
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: positionViewAtEnd()
            delegate: Item {
                required property string verdict
                required property url imageUrl
                required property string serial
                required property string lesson
                required property string issues
                required property int index
                width: grid.cellWidth
                height: grid.cellHeight
                PageTile {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    objectName: "pageTile_" + parent.index
                    verdict: parent.verdict
                    imageUrl: parent.imageUrl
                    serial: parent.serial
                    lesson: parent.lesson
                    issues: parent.issues
                    onClicked: page.openCard(serial)
                }
            }
            Text {
                anchors.centerIn: parent
                visible: grid.count === 0 && !page.scan.running
                text: qsTr("No pages yet.")
                font.pixelSize: Theme.fontLarge
                color: Theme.muted
            }
        }
    }
}
