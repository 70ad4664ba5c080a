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
        verify(registerRunning, "the reference register runs on 127.0.0.1 for these tests")
        const s = scanned(admin())
        s.sync.tryNow()
        tryCompare(s.sync, "busy", false, 30000)
        compare(s.sync.waiting, 0, s.sync.lastError)
        const page = show(pageComponent, { station: s })
        shred(page, s.scan.pages.get(0).serial)
        verify(s.paper.lastAccepted, s.paper.message)
        verify(findChild(page, "shredResult").visible)
        verify(!s.paper.lastAccepted || s.paper.message.length > 0)
        shred(page, s.scan.pages.get(twoMarks).serial)
        verify(!s.paper.lastAccepted, "a card still in review is refused")
        verify(s.paper.writeProtocol("").endsWith(".pdf"), "the protocol of today's shredding")
        tryVerify(() => { s.paper.refresh(); return findChild(page, "printLabel_2026-11-23") !== null }, 2000)
        verify(s.paper.printLabel("2026-11-23").endsWith(".pdf"), s.paper.message)
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
