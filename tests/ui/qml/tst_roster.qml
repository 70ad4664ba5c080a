import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Roster"

    Component { id: pageComponent; RosterPage { width: 1280; height: 800 } }

    function test_aClassTeacherSeesTheOwnClassOnly() {
        const s = classTeacher()
        const classes = new Set()
        for (let i = 0; i < s.office.roster.count; ++i)
            classes.add(s.office.roster.get(i).className)
        compare(classes.size, 1, "core: pupil data of the own class")
        compare(teacher().office.roster.count, 0, "a teacher is no class teacher")
    }

    function test_searchFindsAPupil() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "rosterList")
        compare(list.count, s.office.roster.count)
        verify(list.count > 100, "core's demo school")
        const familyName = s.office.roster.get(0).name.split(" ")[0]
        findChild(page, "rosterSearch").text = familyName.toLowerCase()
        verify(list.count >= 1 && list.count < s.office.roster.count, familyName)
    }
}
