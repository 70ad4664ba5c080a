import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Audit"

    Component { id: pageComponent; AuditPage { width: 1280; height: 800 } }

    function test_signInIsLoggedAndSearchable() {
        const s = admin()
        s.office.refresh()
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "auditList")
        verify(list.count > 0)
        findChild(page, "auditSearch").text = "account.sign"
        verify(list.count >= 1)
        findChild(page, "auditSearch").text = "no such thing at all"
        compare(list.count, 0)
    }

    function test_onlyRolesThatMayReadItSeeIt() {
        verify(!teacher().session.can("view_audit"))
        verify(station("wizytator", "Wizytator1234").session.can("view_audit"))
    }
}
