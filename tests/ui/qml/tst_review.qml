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
        compare(list.count, 3)
        findChild(page, "classFilter").select(s.scan.pages.get(3).className)
        compare(list.count, 2)
        findChild(page, "reasonFilter").select("rejected")
        compare(list.count, 1)
    }

    function test_rejectingACardEmptiesItsEntry() {
        const s = scanned(admin())
        verify(s.review.reject(s.scan.pages.get(8).serial, "unusable"))
        compare(s.review.items.count, 2)
    }

    function test_theSecretariatCannotReject() {
        const s = scanned(station("sekretariat", "Sekret1234"))
        verify(!s.session.can("reject_card"))
        verify(!s.review.reject(s.scan.pages.get(8).serial, "unusable"), "core refuses, the kiosk shows why")
        verify(s.review.message.length > 0)
    }

    function test_choiceFilterStartsAtAny() {
        const f = show(filterComponent, { values: ["5A", "6B"] })
        compare(f.value, "")
        f.select("6B")
        compare(f.value, "6B")
    }
}
