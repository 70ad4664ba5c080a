import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Roster"

    Component { id: pageComponent; RosterPage { width: 1280; height: 800 } }

    function test_searchFindsAPupil() {
        const s = teacher()
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "rosterList")
        compare(list.count, s.office.roster.count)
        verify(list.count > 100, "core's demo school")
        const familyName = s.office.roster.get(0).name.split(" ")[0]
        findChild(page, "rosterSearch").text = familyName.toLowerCase()
        verify(list.count >= 1 && list.count < s.office.roster.count, familyName)
    }
}
