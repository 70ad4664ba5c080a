import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "SignIn"

    Component { id: pageComponent; SignInPage { width: 1280; height: 800 } }
    Component { id: panelComponent; LastSignInPanel { width: 1200 } }

    function test_wrongPasswordIsRefusedWithAMessage() {
        const s = station()
        const page = show(pageComponent, { station: s })
        findChild(page, "loginField").text = "admin"
        findChild(page, "secretField").text = "wrong"
        mouseClick(findChild(page, "signInButton"))
        tryVerify(() => s.session.message.length > 0, 5000)
        verify(!s.session.signedIn)
        verify(findChild(page, "signInMessage").visible)
    }

    function test_signInByKeyboardAlone() {
        const s = station()
        const page = show(pageComponent, { station: s })
        page.focusLogin()
        typeText("rjakubowski")
        keyClick(Qt.Key_Return)
        typeText("Jakubowski1234")
        keyClick(Qt.Key_Return)
        tryCompare(s.session, "signedIn", true, 5000)
        compare(s.session.role, "teacher")
        verify(s.session.lastSuccess.getTime() > 0, "the last successful sign-in is known")
    }

    function test_aFailedSignInIsShownAtTheNext() {
        const s = station()
        s.session.signIn("gsikora", "Wrong1234")
        tryVerify(() => s.session.message.length > 0, 5000)
        s.session.signIn("gsikora", "Sikora1234")
        tryCompare(s.session, "signedIn", true, 5000)
        verify(s.session.lastFailure.getTime() > 0, "the last failed sign-in is known")
    }

    function test_aOneTimePasswordMustBeChangedFirst() {
        const s = station()
        const page = show(pageComponent, { station: s })
        findChild(page, "loginField").text = "abaran"
        findChild(page, "secretField").text = "Baran1234"
        mouseClick(findChild(page, "signInButton"))
        tryCompare(s.session, "mustChangePassword", true, 5000)
        verify(!s.session.signedIn)
        const panel = findChild(page, "passwordChangePanel")
        verify(panel.visible)
        verify(s.session.changeReason.length > 0)
        // The two fields must agree; then core's password rules decide.
        s.session.changePassword("Nowe1234x", "Nowe1234y")
        verify(s.session.message.length > 0)
        findChild(page, "newPasswordField").text = "short"
        findChild(page, "repeatPasswordField").text = "short"
        mouseClick(findChild(page, "changePasswordButton"))
        tryVerify(() => !s.session.busy && s.session.message.length > 0, 5000)
        verify(!s.session.signedIn, "core refuses a password that breaks its rules")
        findChild(page, "newPasswordField").text = "Nowe1234x"
        findChild(page, "repeatPasswordField").text = "Nowe1234x"
        mouseClick(findChild(page, "changePasswordButton"))
        tryCompare(s.session, "signedIn", true, 5000)
        verify(!s.session.mustChangePassword)
        s.session.lockNow()
        s.session.signIn("abaran", "Nowe1234x")
        tryCompare(s.session, "signedIn", true, 5000)
    }

    function test_lastSignInPanelShowsBothTimes() {
        const when = new Date(2026, 10, 20, 14, 2)
        const panel = show(panelComponent,
            { operatorName: "Anna", lastSuccess: when, lastFailure: new Date(NaN) })
        verify(findChild(panel, "lastSuccessText").text.indexOf("2026-11-20 14:02") >= 0)
        verify(findChild(panel, "lastFailureText").text.length > 0)
    }

    function test_lockNowSignsOut() {
        const s = admin()
        s.session.lockNow()
        verify(!s.session.signedIn)
        verify(!s.session.can("scan_cards"), "nothing is allowed once locked")
    }

    function test_idleTimeoutNeverAboveTheSchoolCeiling() {
        const s = station()
        compare(s.session.maxIdleMinutes, 45)
        s.session.idleMinutes = 60
        compare(s.session.idleMinutes, 45)
        s.session.idleMinutes = 5
        compare(s.session.idleMinutes, 5)
    }
}
