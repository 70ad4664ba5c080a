import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Review"

    Component { id: pageComponent; ReviewPage { width: 1280; height: 800 } }
    Component { id: filterComponent; ChoiceFilter { } }

    function test_queueHoldsFlaggedFieldsAndRejectedCards() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "reviewList")
        compare(list.count, 2)
        findChild(page, "classFilter").select(s.scan.pages.get(twoMarks).className)
        compare(list.count, 1, "the outage card names no class yet")
        findChild(page, "classFilter").select("")
        findChild(page, "reasonFilter").select("outage_unresolved")
        compare(list.count, 1)
    }

    // Originals are encrypted at rest: the page and the flagged row come from the image
    // provider, decrypted in memory.
    function test_aFlaggedFieldShowsItsRowAndThePage() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "reviewList")
        findChild(page, "classFilter").select(s.scan.pages.get(twoMarks).className)
        compare(list.count, 1)
        const crop = findChild(page, "reviewCrop_0")
        verify(crop.visible, "a field's finding shows its row")
        tryVerify(() => crop.status === Image.Ready, 10000, "the row crop loads")
        verify(crop.implicitWidth > 4 * crop.implicitHeight, "a pupil's row is wide and low: " +
               crop.implicitWidth + "x" + crop.implicitHeight)
        const original = findChild(page, "reviewPage_0")
        tryVerify(() => original.status === Image.Ready, 10000, "the page loads")
        verify(original.implicitHeight > original.implicitWidth, "an A4 card stands upright")
        // The outage card has no field: no crop, only its page.
        findChild(page, "classFilter").select("")
        findChild(page, "reasonFilter").select("outage_unresolved")
        compare(list.count, 1)
        tryVerify(() => findChild(page, "reviewCrop_0") !== null)
        verify(!findChild(page, "reviewCrop_0").visible)
        tryVerify(() => findChild(page, "reviewPage_0").status === Image.Ready, 10000, "the outage card's page loads")
    }

    function test_rejectingACardEmptiesItsEntry() {
        const s = scanned(admin())
        verify(s.review.reject(s.scan.pages.get(twoMarks).serial, "unusable"))
        compare(s.review.items.count, 1)
    }

    function test_anOutageCardIsAssignedToItsLesson() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        const list = findChild(page, "reviewList")
        findChild(page, "reasonFilter").select("outage_unresolved")
        compare(list.count, 1)
        const item = s.review.items.get(s.review.items.count - 1)
        compare(item.code, "outage_unresolved")
        // A lesson the timetable does not have is refused in core's words.
        verify(!s.review.assignOutageCard(item.itemId, s.office.classes[0], "2026-11-22", 1, "written on the card"))
        verify(s.review.message.indexOf("2026-11-22") >= 0, s.review.message)
        // The button opens the dialog; the lesson written on the card is chosen there.
        mouseClick(findChild(page, "assignOutage_0"))
        const dialog = findChild(page, "outageAssignDialog")
        tryVerify(() => dialog.opened)
        dialog.day = "2026-11-24"
        mouseClick(findChild(dialog, "assignButton"))
        tryVerify(() => s.review.items.count < 2, 5000, s.review.message)
        verify(s.review.message === "", s.review.message)
    }

    function test_theSecretariatCannotReject() {
        const s = scanned(station("sekretariat", "Sekret1234"))
        verify(!s.session.can("reject_card"))
        verify(!s.review.reject(s.scan.pages.get(twoMarks).serial, "unusable"), "core refuses, the kiosk shows why")
        verify(s.review.message.length > 0)
    }

    function test_choiceFilterStartsAtAny() {
        const f = show(filterComponent, { values: ["5A", "6B"] })
        compare(f.value, "")
        f.select("6B")
        compare(f.value, "6B")
    }
}
