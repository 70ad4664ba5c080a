import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Shell"

    Component { id: shellComponent; KioskShell { width: 1280; height: 800 } }

    function test_railShowsOnlyWhatTheRoleMayUse() {
        const s = teacher()
        const shell = show(shellComponent, { station: s })
        verify(findChild(shell, "nav_scan").visible)
        verify(!findChild(shell, "nav_audit").visible)
        const office = station("sekretariat", "Sekret1234")
        const officeShell = show(shellComponent, { station: office })
        verify(findChild(officeShell, "nav_paper").visible)
        verify(!findChild(officeShell, "nav_audit").visible)
        verify(!findChild(officeShell, "nav_card").visible, "no card is open")
    }

    function test_functionKeysAndLockNow() {
        const s = admin()
        const shell = show(shellComponent, { station: s })
        waitForRendering(shell)
        keyClick(Qt.Key_F7)
        compare(shell.current, "audit")
        keyClick(Qt.Key_F3)
        compare(shell.current, "sync")
        mouseClick(findChild(shell, "lockNowButton"))
        verify(!s.session.signedIn)
        verify(findChild(shell, "signInPage").visible)
    }

    function test_welcomePanelAfterSignIn() {
        const s = station()
        const shell = show(shellComponent, { station: s })
        s.session.signIn("admin", "Admin1234")
        tryCompare(s.session, "signedIn", true, 5000)
        verify(findChild(shell, "welcomePanel").visible)
    }
}
