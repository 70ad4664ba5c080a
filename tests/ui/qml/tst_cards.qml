import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Cards"

    Component { id: pageComponent; CardsPage { width: 1280; height: 800 } }

    function test_printForAClassAndRange() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        findChild(page, "printFrom").text = "2026-11-23"
        findChild(page, "printTo").text = "2026-11-27"
        mouseClick(findChild(page, "printButton"))
        verify(/^[1-9][0-9]* card\(s\) for /.test(s.office.message), s.office.message)
        verify(s.office.message.endsWith(".pdf"), "card-templates wrote the PDF")
    }

    function test_aBackwardRangeIsRefused() {
        const s = admin()
        verify(!s.office.printCards(s.office.classes[0], "2026-11-27", "2026-11-23"))
        verify(s.office.message.length > 0)
    }

    function test_outageCards() {
        const s = admin()
        verify(s.office.printOutageCards(10))
        verify(!s.office.printOutageCards(0))
    }
}
