import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Sync"

    Component { id: pageComponent; SyncPage { width: 1280; height: 800 } }
    Component { id: pillComponent; StatusPill { } }

    function test_recordsWaitThenTryNowDeliversToTheRegister() {
        verify(registerRunning, "the reference register runs on 127.0.0.1 for these tests")
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        verify(!s.sync.online, "nothing was sent yet")
        verify(s.sync.waiting > 0)
        compare(findChild(page, "outboxList").count, s.sync.waiting)
        mouseClick(findChild(page, "tryNowButton"))
        verify(s.sync.busy, "the try runs on a worker")
        tryCompare(s.sync, "busy", false, 30000)
        verify(s.sync.online)
        compare(s.sync.waiting, 0)
        compare(findChild(page, "outboxList").count, 0)
    }

    function test_pillNeverSaysAllIsWellWhileRecordsWait() {
        const pill = show(pillComponent, { online: true, waiting: 3 })
        verify(pill.color !== Theme.ok)
        pill.waiting = 0
        compare(pill.color, Theme.ok)
    }
}
