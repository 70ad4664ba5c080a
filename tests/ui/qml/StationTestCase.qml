import QtQuick
import QtTest
import ScanStation.Kiosk

// What every kiosk test needs: a fresh demo station, signed in as one of the demo operators,
// optionally after the demo batch was scanned (through the real worker thread).
TestCase {
    id: testCase
    when: windowShown
    visible: true // TestCase hides itself; the screens under test are its children
    width: 1280
    height: 800

    property Component stationComponent: Component { DemoStation {} }
    property var stations: []

    function station(login, secret) {
        // Stations live as long as the test case, so that no page outlives its station.
        const s = stationComponent.createObject(testCase)
        stations.push(s)
        verify(s !== null, "a DemoStation")
        if (login !== undefined) {
            s.session.signIn(login, secret)
            tryCompare(s.session, "signedIn", true, 10000)
        }
        return s
    }
    function admin() { return station("admin", "Admin1234") }
    function teacher() { return station("anna.nowak", "Demo1234") }

    function scanned(s) {
        s.scan.start()
        tryVerify(() => !s.scan.running && s.scan.processed === 12, 30000, "the demo batch is read")
        return s
    }
    // A screen or component under test, laid out and drawn before the first click.
    function show(component, properties) {
        const item = createTemporaryObject(component, testCase, properties)
        verify(item !== null, "created")
        waitForRendering(item)
        return item
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
}
