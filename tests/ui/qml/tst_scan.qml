import QtQuick
import QtTest
import ScanStation.Kiosk

StationTestCase {
    name: "Scan"

    Component { id: pageComponent; ScanPage { width: 1280; height: 800 } }
    Component { id: tileComponent; PageTile { } }
    Component { id: countsComponent; CountsBar { width: 1200 } }
    Component { id: badgeComponent; VerdictBadge { } }

    function test_theBigButtonStreamsTheBatchIn() {
        const s = admin()
        const page = show(pageComponent, { station: s })
        const grid = findChild(page, "pageGrid")
        mouseClick(findChild(page, "scanButton"))
        verify(s.scan.running, "the batch runs on a worker; the UI is free")
        tryVerify(() => grid.count > 0 && s.scan.running, 10000, "pages appear while the batch still runs")
        tryVerify(() => !s.scan.running, 30000)
        compare(grid.count, 8)
        compare(s.scan.readCount, 4)
        compare(s.scan.checkCount, 2)
        compare(s.scan.rejectedCount, 0)
        compare(s.scan.notCardCount, 1)
        compare(s.scan.duplicateCount, 1)
        verify(findChild(page, "attentionBanner").visible)
        verify(findChild(page, "attentionSound") !== null, "a sound goes with the colour")
        compare(s.scan.batchEnd, "exhausted")
        compare(s.scan.pages.get(7).serial, s.scan.pages.get(0).serial, "the same sheet twice")
    }

    function test_theHotFolderIsASource() {
        const s = admin()
        verify(s.scan.sources.some(x => x.startsWith("hot:")), s.scan.sources.join())
        s.scan.source = s.scan.sources.find(x => x.startsWith("hot:"))
        s.scan.start()
        tryVerify(() => !s.scan.running, 30000)
        compare(s.scan.lastError, "")
        compare(s.scan.processed, 0, "the demo inbox is empty")
    }

    function test_aPageNeedingTheOperatorIsFramed() {
        const check = show(tileComponent, { verdict: "check", serial: "K-1" })
        verify(check.needsOperator)
        const read = show(tileComponent, { verdict: "read", serial: "K-2" })
        verify(!read.needsOperator)
        const letter = show(tileComponent, { verdict: "notCard", serial: "" })
        verify(!letter.enabled, "a page that is not a card has nothing to open")
    }

    function test_countsAndBadges() {
        const bar = show(countsComponent, { total: 4, processed: 4, readCount: 2, checkCount: 1, rejectedCount: 1 })
        verify(findChild(bar, "countCheck").text.indexOf("1") >= 0)
        const badge = show(badgeComponent, { verdict: "rejected" })
        compare(badge.color, Theme.bad)
    }
}
