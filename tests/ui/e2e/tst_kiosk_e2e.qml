import QtQuick
import QtTest
import ScanStation.Kiosk

// End to end, in a real X window, on the real libraries and a real store in a temporary folder
// (DemoStation): a one-time password asks for a new one; sign in by keyboard, scan the demo
// feeder (printed cards with pen marks), open a flagged card, tap the flagged field, choose
// the value and give the reason, assign the outage card to its lesson, deliver to the
// reference register on 127.0.0.1, shred a card, print cards, visit every screen, see a plain
// teacher's roster, and save a screenshot of each into screenshotDir. The flagged card lay
// upside down and askew on the glass: the rings drawn over its marks must sit on the ink.
TestCase {
    id: testCase
    name: "KioskEndToEnd"
    when: windowShown
    visible: true
    width: 1920
    height: 1080

    Component { id: shellComponent; KioskShell { width: 1280; height: 800; station: DemoStation {} } }

    property int shots: 0
    function shoot(shell, name) {
        waitForRendering(shell)
        wait(150) // let thumbnails decoded on worker threads arrive
        const image = grabImage(shell)
        if (screenshotDir.length > 0) {
            shots += 1
            image.save(screenshotDir + "/" + (shots < 10 ? "0" : "") + shots + "-" + name + ".png")
        }
        verify(image.width === shell.width, "grabbed " + name)
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    // Each named mark's ring is centred on dark ink of the page as displayed.
    function verifyRingsOnInk(shell, names) {
        waitForRendering(shell)
        const shot = grabImage(shell)
        for (const name of names) {
            const ring = findChild(shell, "mark_" + name)
            verify(ring && ring.visible, name + " is ringed")
            const c = ring.mapToItem(shell, ring.width / 2, ring.height / 2)
            const ink = shot.pixel(Math.round(c.x), Math.round(c.y))
            verify(ink.r < 0.45 && ink.g < 0.45, name + ": the ring's centre is on the mark (" + ink + ")")
        }
    }
    function go(shell, screen) {
        waitForRendering(shell) // the layout settles (the welcome panel goes) before the click
        mouseClick(findChild(shell, "nav_" + screen))
        compare(shell.current, screen)
    }

    function test_kiosk() {
        const shell = createTemporaryObject(shellComponent, testCase)
        const s = shell.station
        shoot(shell, "sign-in")

        // A one-time password: core wants a new one before the sign-in completes.
        findChild(shell, "loginField").text = "abaran"
        findChild(shell, "secretField").text = "Baran1234"
        mouseClick(findChild(shell, "signInButton"))
        tryCompare(s.session, "mustChangePassword", true, 10000)
        verify(findChild(shell, "passwordChangePanel").visible)
        shoot(shell, "password-change")
        mouseClick(findChild(shell, "cancelPasswordChange"))
        verify(!s.session.mustChangePassword)
        findChild(shell, "loginField").text = ""

        // Sign in with the keyboard, as at a station without a mouse.
        mouseClick(findChild(shell, "loginField"))
        typeText("admin")
        keyClick(Qt.Key_Return)
        typeText("Admin1234")
        keyClick(Qt.Key_Return)
        tryCompare(s.session, "signedIn", true, 10000)
        verify(findChild(shell, "welcomePanel").visible, "last sign-ins are shown")

        // Scan the demo batch: pages stream in from the worker.
        mouseClick(findChild(shell, "scanButton"))
        tryVerify(() => !s.scan.running && s.scan.processed === 8, 30000, "the batch is read")
        compare(s.scan.checkCount, 2)
        shoot(shell, "scan")

        // Open the page flagged "check this" (two marks in row 4) by tapping its tile.
        const grid = findChild(shell, "pageGrid")
        grid.positionViewAtIndex(2, GridView.Contain)
        waitForRendering(shell)
        const tile = findChild(grid, "pageTile_2")
        compare(tile.verdict, "check")
        mouseClick(tile)
        compare(shell.current, "card")
        compare(s.card.serial, s.scan.pages.get(2).serial)
        verify(s.card.hasFrame)
        compare(s.card.rotationDegrees, 180, "the sheet lay upside down")
        tryCompare(findChild(shell, "cardPageImage"), "status", Image.Ready, 5000)
        verifyRingsOnInk(shell, ["row.04.attendance_nb", "row.04.attendance_u", "row.07.attendance_zw"])
        shoot(shell, "card-flagged")

        // Tap the framed field on the card, choose "nb", give the reason, save.
        mouseClick(findChild(shell, "field_row.04.attendance"))
        const panel = findChild(shell, "correctionPanel")
        tryVerify(() => panel.visible)
        waitForRendering(shell)
        mouseClick(findChild(panel, "option_nb"))
        mouseClick(findChild(panel, "reasonField"))
        typeText("teacher confirmed the pupil was absent")
        shoot(shell, "card-correcting")
        mouseClick(findChild(panel, "saveCorrection"))
        compare(s.card.status, "accepted")
        compare(s.scan.checkCount, 1)
        shoot(shell, "card-corrected")

        go(shell, "review")
        compare(s.review.items.count, 1)
        shoot(shell, "review")
        // The outage card: the administrator assigns the lesson the teacher wrote on it.
        let outage = -1
        for (let i = 0; i < s.review.items.count; ++i)
            if (s.review.items.get(i).code === "outage_unresolved")
                outage = i
        verify(outage >= 0, "the outage card waits for its lesson")
        mouseClick(findChild(shell, "assignOutage_" + outage))
        const dialog = findChild(shell, "outageAssignDialog")
        tryVerify(() => dialog.opened)
        dialog.day = "2026-11-24"
        shoot(shell, "review-outage-card")
        mouseClick(findChild(dialog, "assignButton"))
        tryCompare(s.review.items, "count", 0, 5000)

        go(shell, "sync")
        verify(s.sync.waiting > 0)
        shoot(shell, "sync-waiting")
        mouseClick(findChild(shell, "tryNowButton"))
        tryCompare(s.sync, "busy", false, 30000)
        verify(s.sync.online, s.sync.lastError)
        compare(s.sync.waiting, 0)
        shoot(shell, "sync-online")

        go(shell, "paper")
        mouseClick(findChild(shell, "shredCodeField"))
        typeText(s.scan.pages.get(0).serial)
        keyClick(Qt.Key_Return)
        verify(s.paper.lastAccepted, s.paper.message)
        typeText(s.scan.pages.get(0).serial)
        keyClick(Qt.Key_Return)
        verify(!s.paper.lastAccepted, "a card already shredded is refused")
        shoot(shell, "paper")

        go(shell, "cards")
        mouseClick(findChild(shell, "printButton"))
        verify(s.office.message.length > 0)
        shoot(shell, "cards")

        go(shell, "roster")
        const wholeSchool = s.office.roster.count
        verify(wholeSchool > 100, "an administrator sees every class")
        shoot(shell, "roster")
        go(shell, "audit")
        verify(findChild(shell, "auditList").count > 5)
        shoot(shell, "audit")
        go(shell, "settings")
        shoot(shell, "settings")

        // The same kiosk at 1920×1080, and in Polish (the default) and Russian.
        go(shell, "scan")
        shell.width = 1920
        shell.height = 1080
        shoot(shell, "scan-1920x1080")
        shell.language.language = "pl"
        shoot(shell, "scan-polish")
        go(shell, "card")
        shoot(shell, "card-polish")
        shell.language.language = "ru"
        go(shell, "scan")
        shoot(shell, "scan-russian")
        shell.language.language = "en"
        shell.width = 1280
        shell.height = 800

        mouseClick(findChild(shell, "lockNowButton"))
        verify(!s.session.signedIn)
        shoot(shell, "locked")

        // A plain teacher sees the pupils of the classes taught, read-only.
        findChild(shell, "loginField").text = "rjakubowski"
        findChild(shell, "secretField").text = "Jakubowski1234"
        mouseClick(findChild(shell, "signInButton"))
        tryCompare(s.session, "signedIn", true, 10000)
        go(shell, "roster")
        verify(s.office.roster.count > 0, "the classes of his lessons")
        verify(s.office.roster.count < wholeSchool, "not the whole school")
        compare(findChild(shell, "rosterList").count, s.office.roster.count)
        shoot(shell, "roster-teacher")
        mouseClick(findChild(shell, "lockNowButton"))
        verify(!s.session.signedIn)
    }
}
