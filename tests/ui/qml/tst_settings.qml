import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Settings"

    Component { id: pageComponent; SettingsPage { width: 1280; height: 800; language: LanguageSwitcher {} } }

    function test_idleSpinBoxStopsAtTheCeiling() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        compare(findChild(page, "idleMinutes").to, 45)
    }

    function test_switchingLanguageRetranslates() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        mouseClick(findChild(page, "language_en"))
        compare(Theme.codeText("nb"), "nb – absent")
        mouseClick(findChild(page, "language_pl"))
        verify(Theme.codeText("nb") !== "nb – absent", "Polish catalogue is loaded")
        mouseClick(findChild(page, "language_ru"))
        verify(Theme.codeText("nb") !== "nb – absent", "Russian catalogue is loaded")
        mouseClick(findChild(page, "language_en"))
    }
}
