import QtQuick
import QtTest
import ScanStation.Kiosk

// What every kiosk test needs: a fresh demo station (the real libraries on a new store in a
// temporary folder), signed in as one of the demo operators, optionally after the demo
// feeder's eight pages were scanned (through the real worker thread and BatchIngest).
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
    function teacher() { return station("rjakubowski", "Jakubowski1234") }
    function classTeacher() { return station("jkaczmarek", "Kaczmarek1234") }
    // The demo feeder, in order: clean cards (0, 1, 3, 4; filled, ticked and crossed marks),
    // two marks in row 4 (2), an outage card (5), a letter that is not a card (6), card 0 again (7).
    readonly property int twoMarks: 2
    readonly property int outageCard: 5

    function scanned(s) {
        s.scan.start()
        tryVerify(() => !s.scan.running && s.scan.processed === 8, 30000, "the demo batch is read")
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
