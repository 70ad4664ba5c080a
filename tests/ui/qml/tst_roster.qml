import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Roster"

    Component { id: pageComponent; RosterPage { width: 1280; height: 800 } }

    function classesShown(s) {
        const classes = new Set()
        for (let i = 0; i < s.office.roster.count; ++i)
            classes.add(s.office.roster.get(i).className)
        return classes
    }
    function views(s) { // needs a role that reads the audit log
        s.office.refresh()
        let n = 0
        for (let i = 0; i < s.office.audit.count; ++i)
            n += s.office.audit.get(i).action === "pupil.view" ? 1 : 0
        return n
    }

    function test_theRosterIsReadOnlyWhileShown() {
        const s = admin()
        compare(s.office.roster.count, 0, "nobody's pupils are read before the screen shows them")
        const page = show(pageComponent, { station: s })
        verify(s.office.roster.count > 100, "core's demo school")
        page.visible = false
        compare(s.office.roster.count, 0, "forgotten when the screen is left")
    }

    function test_aClassTeacherSeesTheOwnClassAndTheClassesTaught() {
        const s = classTeacher()
        show(pageComponent, { station: s })
        const all = admin()
        show(pageComponent, { station: all })
        const classes = classesShown(s)
        verify(classes.size >= 1, "core: pupil data of the own class")
        verify(s.office.roster.count < all.office.roster.count, "not the whole school")
    }

    function test_aTeacherSeesTheClassesTaught() {
        const s = teacher()
        const page = show(pageComponent, { station: s })
        verify(s.office.roster.count > 0, "the classes of rjakubowski's lessons")
        const all = admin()
        show(pageComponent, { station: all })
        verify(s.office.roster.count < all.office.roster.count, "not the whole school")
        compare(findChild(page, "rosterList").count, s.office.roster.count)
        verify(!findChild(page, "rosterEmpty").visible)
    }

    function test_everyPupilShownIsRecordedAsViewed() {
        const s = teacher()
        const page = show(pageComponent, { station: s })
        const shown = s.office.roster.count
        verify(shown > 0)
        page.visible = false
        s.session.lockNow()
        s.session.signIn("admin", "Admin1234") // the teacher's role may not read the audit log
        tryCompare(s.session, "signedIn", true, 10000)
        compare(views(s), shown, "one pupil.view entry per pupil shown, none before the screen")
    }

    function test_searchFindsAPupil() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "rosterList")
        compare(list.count, s.office.roster.count)
        const familyName = s.office.roster.get(0).name.split(" ")[0]
        findChild(page, "rosterSearch").text = familyName.toLowerCase()
        verify(list.count >= 1 && list.count < s.office.roster.count, familyName)
    }
}
