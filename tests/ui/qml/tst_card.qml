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
        tryCompare(findChild(page, "cardPageImage"), "status", Image.Ready, 5000) // drawn once the page is there
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

    // The demo's page 3 lay upside down and askew on the glass: each ring drawn over a marked
    // bubble sits on the pen's ink of the page as displayed, and the flagged field's frame
    // holds the ringed marks.
    function test_theOverlaySitsOnTheInkOfAnAskewUpsideDownPage() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        verify(s.card.open(s.scan.pages.get(twoMarks).serial))
        verify(s.card.hasFrame)
        compare(s.card.rotationDegrees, 180)
        const image = findChild(page, "cardPageImage")
        tryCompare(image, "status", Image.Ready, 5000)
        waitForRendering(page)
        const shot = grabImage(page)
        const frame = findChild(page, "field_row.04.attendance")
        const marked = ["row.04.attendance_nb", "row.04.attendance_u", "row.07.attendance_zw"]
        for (const name of marked) {
            const ring = findChild(page, "mark_" + name)
            verify(ring && ring.visible, name + " is ringed")
            const c = ring.mapToItem(page, ring.width / 2, ring.height / 2)
            const ink = shot.pixel(Math.round(c.x), Math.round(c.y))
            verify(ink.r < 0.45 && ink.g < 0.45, name + " ring centre on ink: " + ink + " at " + c.x + "," + c.y)
            if (name.startsWith("row.04"))
                verify(frame.contains(frame.mapFromItem(ring, ring.width / 2, ring.height / 2)), name + " inside its field's frame")
        }
        // An empty bubble's centre is paper, next to a marked one.
        const empty = findChild(page, "mark_row.04.attendance_sp")
        verify(empty && !empty.visible)
        const e = empty.mapToItem(page, empty.width / 2, empty.height / 2)
        verify(shot.pixel(Math.round(e.x), Math.round(e.y)).r > 0.6, "the empty bubble between the two marks is paper")
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
