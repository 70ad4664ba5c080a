import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Card"

    Component { id: pageComponent; CardPage { width: 1280; height: 800 } }
    Component { id: panelComponent; CorrectionPanel { width: 600 } }

    function test_tapAFlaggedFieldPickAValueGiveAReason() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        verify(s.card.open(s.scan.pages.get(twoMarks).serial))
        compare(s.card.status, "needs review")
        compare(s.card.flaggedCount, 1)
        const frame = findChild(page, "field_row.04.attendance")
        verify(frame && frame.visible, "the flagged field is framed on the card")
        waitForRendering(page)
        mouseClick(frame)
        const panel = findChild(page, "correctionPanel")
        tryVerify(() => panel.visible)
        const save = findChild(panel, "saveCorrection")
        mouseClick(findChild(panel, "option_nb"))
        verify(!save.enabled, "no correction without a reason")
        findChild(panel, "reasonField").text = "teacher confirmed"
        verify(save.enabled)
        mouseClick(save)
        compare(s.card.status, "accepted")
        compare(s.card.flaggedCount, 0)
        compare(s.scan.checkCount, 1)
    }

    function test_aRoleThatMayNotCorrectSeesButCannotChange() {
        const s = scanned(admin())
        s.session.lockNow()
        s.session.signIn("wizytator", "Wizytator1234")
        tryCompare(s.session, "signedIn", true, 5000)
        const page = show(pageComponent, { station: s })
        verify(s.card.open(s.scan.pages.get(twoMarks).serial))
        page.select("row.04.attendance")
        verify(!findChild(page, "correctionPanel").enabled)
    }

    function test_correctionPanelOffersTheFieldsOptions() {
        const panel = show(panelComponent,
            { field: { fieldId: "f", label: "3. Duda Amelia", reason: "two marks", value: "", options: ["", "nb", "u"] } })
        verify(findChild(panel, "option_present"))
        verify(findChild(panel, "option_u"))
        let saved = ""
        panel.save.connect((id, value, reason) => saved = id + "=" + value + ":" + reason)
        mouseClick(findChild(panel, "option_u"))
        findChild(panel, "reasonField").text = "pupil excused"
        mouseClick(findChild(panel, "saveCorrection"))
        compare(saved, "f=u:pupil excused")
    }
}
