import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Sync"

    Component { id: pageComponent; SyncPage { width: 1280; height: 800 } }
    Component { id: pillComponent; StatusPill { } }

    function test_offlineWithAnErrorThenTryNowDelivers() {
        const s = scanned(admin())
        const page = show(pageComponent, { station: s })
        verify(!s.sync.online)
        verify(s.sync.waiting > 0)
        verify(findChild(page, "lastErrorText").text.length > 10)
        mouseClick(findChild(page, "tryNowButton"))
        verify(s.sync.busy, "the try runs on a worker")
        tryCompare(s.sync, "busy", false, 10000)
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
