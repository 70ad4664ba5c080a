import QtQuick
import QtTest
import ScanStation.Kiosk
import "../qml"

// Sign-in by badge in a real window: the demo station's badges (printed by card-templates when
// the demo is built) are put in front of its "camera" (a folder the sign-in screen watches);
// the page is read by the scanner's badge reader and the token checked by core.
StationTestCase {
    name: "BadgeSignIn"

    Component { id: shellComponent; KioskShell { width: 1280; height: 800 } }

    function test_aForgedBadgeIsRefusedAndTheRealOneSignsIn() {
        const s = station()
        const shell = show(shellComponent, { station: s })
        const page = findChild(shell, "signInPage")
        tryCompare(s.session, "watchingBadges", true, 2000)
        verify(findChild(page, "badgeHint").visible, "the page says a badge may be shown")

        verify(!s.showDemoBadge("nobody"), "only the demo's badges")
        verify(s.showDemoBadge("forged"))
        const note = findChild(page, "badgeMessage")
        tryVerify(() => note.visible, 15000, "a refusal is shown")
        verify(note.text.indexOf("signature") >= 0, note.text)
        verify(!s.session.signedIn)

        mouseClick(findChild(page, "demoBadgeButton"))
        tryCompare(s.session, "signedIn", true, 15000)
        compare(s.session.role, "administrator")
        verify(!s.session.watchingBadges, "no looking while someone is signed in")
        verify(findChild(shell, "welcomePanel").visible, "the last sign-ins are shown after a badge too")
        verify(s.session.lastFailure.getTime() > 0, "the forged badge counts as the last failed sign-in")

        mouseClick(findChild(shell, "lockNowButton"))
        verify(!s.session.signedIn)
        tryCompare(s.session, "watchingBadges", true, 2000)
    }

    function test_aCodeReaderTypingABadIntoTheLoginFieldIsRefused() {
        const s = station()
        const page = show(shellComponent, { station: s })
        const login = findChild(page, "loginField")
        login.forceActiveFocus()
        typeText("SSB1|admin|AAAA|BBBB")
        keyClick(Qt.Key_Return)
        const note = findChild(page, "badgeMessage")
        tryVerify(() => note.visible, 10000, "a refusal is shown")
        verify(!s.session.signedIn)
        compare(login.text, "", "the code is not left in the field")
    }
}
