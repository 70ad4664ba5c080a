import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Paper"

    Component { id: pageComponent; PaperPage { width: 1280; height: 800 } }
    Component { id: stackComponent; DayStackCard { } }

    function shred(page, code) {
        const field = findChild(page, "shredCodeField")
        field.forceActiveFocus()
        typeText(code)
        keyClick(Qt.Key_Return)
    }

    function test_aCardNotYetInTheRegisterIsRefused() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        shred(page, s.scan.pages.get(0).serial)
        verify(!s.paper.lastAccepted)
        verify(s.paper.message.indexOf("register") >= 0, s.paper.message)
    }

    function test_afterSyncTheCardMayBeShreddedAndTheProtocolWritten() {
        const s = scanned(admin())
        s.sync.tryNow()
        tryCompare(s.sync, "busy", false, 10000)
        const page = show(pageComponent, { station: s })
        shred(page, s.scan.pages.get(0).serial)
        verify(s.paper.lastAccepted, s.paper.message)
        verify(findChild(page, "shredResult").visible)
        verify(s.paper.writeProtocol("2026-11-23").length > 0)
    }

    function test_aSecretaryMayShredATeacherMayNot() {
        verify(teacher().session.can("shred_cards") === false)
        verify(station("sekretariat", "Sekret1234").session.can("shred_cards"))
    }

    function test_dayStackShowsItsLabel() {
        const card = show(stackComponent, { day: "2026-11-23", labelCode: "DAY-20261123", cards: 5, eligible: 2 })
        verify(card.implicitHeight > 0)
        compare(card.border.color, Theme.ok)
    }
}
