// SanePageSource against SANE's own `test` backend, loaded through a private SANE_CONFIG_DIR
// (dll.conf lists only `test`), so nothing under /etc is read or changed. Its document feeder
// runs empty after 10 sheets; its "read-return-value" option makes sane_read fail with a
// chosen status, which is how a jam, an open cover or a lost device are injected here.
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/batch_pull.hpp"
#include "scanstation/scanner/sources/sane_page_source.hpp"

#include <cstdlib>
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <thread>

using namespace scanstation;
using namespace scanstation::scanner;

// The test backend's reader thread can be stopped before it frees its picture buffer (inside
// libsane-test, not ours). Keep the backend loaded so LeakSanitizer can name it, and say so.
extern "C" const char* __lsan_default_suppressions() { return "leak:libsane-test.so\n"; }

namespace {

class SaneTestBackend : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new acq_test::TempDir();
        acq_test::writeBytes(*s_dir / "dll.conf", "test\n");
        // 50 dpi over 80 x 100 mm keeps each page small (157 x 196 pixels)
        acq_test::writeBytes(*s_dir / "test.conf", "number_of_devices 2\nresolution 50.0\nbr_x 80.0\nbr_y 100.0\n");
        setenv("SANE_CONFIG_DIR", s_dir->path().c_str(), 1);
        // RTLD_NODELETE: sane_exit's dlclose leaves it mapped, so leak reports can name it
        dlopen("/usr/lib/x86_64-linux-gnu/sane/libsane-test.so.1", RTLD_NOW | RTLD_NODELETE);
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    static SaneScanSettings feederSettings() {
        SaneScanSettings s;
        s.device = "test:0";
        s.resolutionDpi = 50;
        s.mode = ColorMode::Gray;
        s.feeder = true;
        return s;
    }

    // Pulls until End or Fault; pages are appended to `pages`.
    static SourceEvent pullUntilStop(SanePageSource& source, std::vector<Page>& pages, int maxPages = 100) {
        for (int i = 0; i < maxPages; ++i) {
            SourceEvent e = source.next();
            if (e.kind != SourceEvent::Kind::Page)
                return e;
            pages.push_back(std::move(e.page));
        }
        return SourceEvent::ofEnd(BatchEnd::Exhausted, "test guard: too many pages");
    }

    static void expectNumberedOneToN(const std::vector<Page>& pages) {
        for (std::size_t i = 0; i < pages.size(); ++i) {
            EXPECT_EQ(pages[i].pageNumber, static_cast<int>(i + 1));
            EXPECT_EQ(pages[i].image.width(), 157);
            EXPECT_EQ(pages[i].image.height(), 196);
        }
    }

    // Scans `before` pages, injects `status` into sane_read, expects a fault of `kind` whose
    // message keeps the pages, clears it and continues until the feeder is empty.
    static void faultThenContinue(const char* status, FaultKind kind, const std::string& says) {
        SanePageSource source(feederSettings());
        std::vector<Page> pages;
        for (int i = 0; i < 3; ++i)
            pages.push_back(source.next().page);
        source.setOption("read-return-value", status);
        const SourceEvent fault = source.next();
        ASSERT_EQ(fault.kind, SourceEvent::Kind::Fault) << fault.message;
        EXPECT_EQ(fault.fault, kind);
        EXPECT_NE(fault.message.find(says), std::string::npos) << fault.message;
        EXPECT_NE(fault.message.find("3 page(s) already scanned are kept"), std::string::npos) << fault.message;

        source.setOption("read-return-value", "Default"); // the operator clears the fault
        const SourceEvent end = pullUntilStop(source, pages);
        EXPECT_EQ(end.kind, SourceEvent::Kind::End) << end.message;
        EXPECT_EQ(end.end, BatchEnd::FeederEmpty) << end.message;
        ASSERT_GT(pages.size(), 3u);
        expectNumberedOneToN(pages);
        EXPECT_EQ(source.pagesScanned(), static_cast<int>(pages.size()));
    }

    static acq_test::TempDir* s_dir;
};

acq_test::TempDir* SaneTestBackend::s_dir = nullptr;

} // namespace

TEST_F(SaneTestBackend, ListsTheTestDevices) {
    const auto devices = listSaneDevices();
    ASSERT_EQ(devices.size(), 2u);
    EXPECT_EQ(devices[0].name, "test:0");
    const auto caps = saneDeviceCapabilities("test:0");
    EXPECT_NE(std::find(caps.sources.begin(), caps.sources.end(), "Automatic Document Feeder"), caps.sources.end());
    EXPECT_TRUE(caps.resolutionIsRange);
}

TEST_F(SaneTestBackend, FeederRunsEmptyAfterTenPages) {
    SanePageSource source(feederSettings());
    EXPECT_EQ(source.describe(), "sane:test:0");
    std::vector<Page> pages;
    const SourceEvent end = pullUntilStop(source, pages);
    EXPECT_EQ(end.kind, SourceEvent::Kind::End);
    EXPECT_EQ(end.end, BatchEnd::FeederEmpty);
    EXPECT_NE(end.message.find("10 page(s)"), std::string::npos) << end.message;
    ASSERT_EQ(pages.size(), 10u);
    expectNumberedOneToN(pages);
    EXPECT_DOUBLE_EQ(pages[0].image.dpi(), 50.0);
    EXPECT_EQ(pages[0].source, "sane:test:0");
    // After the end the source stays ended.
    EXPECT_EQ(source.next().kind, SourceEvent::Kind::End);
}

TEST_F(SaneTestBackend, ColourAndLineartModes) {
    auto settings = feederSettings();
    settings.mode = ColorMode::Color;
    {
        SanePageSource source(settings);
        const SourceEvent e = source.next();
        ASSERT_EQ(e.kind, SourceEvent::Kind::Page) << e.message;
        EXPECT_EQ(e.page.image.format(), PixelFormat::Rgb8);
    }
    settings.mode = ColorMode::Lineart;
    settings.backendOptions = {{"test-picture", "Grid"}};
    SanePageSource source(settings);
    const SourceEvent e = source.next();
    ASSERT_EQ(e.kind, SourceEvent::Kind::Page) << e.message;
    const Image& img = e.page.image;
    EXPECT_EQ(img.format(), PixelFormat::Gray8);
    int black = 0, white = 0;
    for (int i = 0; i < img.width() * img.height(); ++i) {
        ASSERT_TRUE(img.data()[i] == 0 || img.data()[i] == 255);
        (img.data()[i] == 0 ? black : white)++;
    }
    EXPECT_GT(black, 0); // the grid has both
    EXPECT_GT(white, 0);
}

TEST_F(SaneTestBackend, PaperJamPausesTheBatchAndContinuingLosesNoPage) {
    faultThenContinue("SANE_STATUS_JAMMED", FaultKind::Jammed, "paper jam");
}

TEST_F(SaneTestBackend, OpenCoverPausesTheBatchAndContinuingLosesNoPage) {
    faultThenContinue("SANE_STATUS_COVER_OPEN", FaultKind::CoverOpen, "cover");
}

TEST_F(SaneTestBackend, LostDeviceIsReopenedOnContinue) {
    faultThenContinue("SANE_STATUS_IO_ERROR", FaultKind::DeviceGone, "lost contact");
}

TEST_F(SaneTestBackend, BusyDeviceIsAFault) {
    faultThenContinue("SANE_STATUS_DEVICE_BUSY", FaultKind::DeviceBusy, "busy");
}

TEST_F(SaneTestBackend, NoDocumentsDuringAReadEndsTheBatchKeepingPages) {
    SanePageSource source(feederSettings());
    std::vector<Page> pages{source.next().page, source.next().page};
    source.setOption("read-return-value", "SANE_STATUS_NO_DOCS");
    const SourceEvent end = source.next();
    EXPECT_EQ(end.kind, SourceEvent::Kind::End);
    EXPECT_EQ(end.end, BatchEnd::FeederEmpty);
    EXPECT_NE(end.message.find("2 page(s)"), std::string::npos) << end.message;
    expectNumberedOneToN(pages);
}

TEST_F(SaneTestBackend, CancelFromAnotherThreadFinishesTheCurrentPage) {
    auto settings = feederSettings();
    // Slow reads so the cancel lands while a page is being read.
    settings.backendOptions = {{"read-limit", "yes"}, {"read-limit-size", "2048"},
                               {"read-delay", "yes"}, {"read-delay-duration", "20000"}};
    SanePageSource source(settings);
    std::thread canceller([&source] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        source.cancel();
    });
    std::vector<Page> pages;
    const SourceEvent end = pullUntilStop(source, pages);
    canceller.join();
    EXPECT_EQ(end.kind, SourceEvent::Kind::End);
    EXPECT_EQ(end.end, BatchEnd::Cancelled);
    ASSERT_GE(pages.size(), 1u); // the page being read when cancel came was finished
    EXPECT_LT(pages.size(), 10u);
    expectNumberedOneToN(pages);
}

TEST_F(SaneTestBackend, FlatbedGivesOnePage) {
    auto settings = feederSettings();
    settings.feeder = false;
    SanePageSource source(settings);
    std::vector<Page> pages;
    const SourceEvent end = pullUntilStop(source, pages);
    EXPECT_EQ(pages.size(), 1u);
    EXPECT_EQ(end.end, BatchEnd::Exhausted);
}

TEST_F(SaneTestBackend, ImpossibleSettingsNameWhatTheDeviceOffers) {
    auto settings = feederSettings();
    settings.duplex = true;
    try {
        SanePageSource source(settings);
        FAIL() << "the test device has no duplex source";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(std::string(e.what()).find("Automatic Document Feeder"), std::string::npos) << e.what();
    }
    settings = feederSettings();
    settings.device = "nosuch:0";
    try {
        SanePageSource source(settings);
        FAIL() << "no such device";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    }
}

TEST_F(SaneTestBackend, PullBatchAsksTheOperatorAtEachFaultAndKeepsEveryPage) {
    SanePageSource source(feederSettings());
    source.setOption("read-return-value", "SANE_STATUS_COVER_OPEN"); // the first sheet meets an open cover
    std::vector<Page> pages;
    std::vector<FaultKind> asked;
    const BatchSummary summary = pullBatch(
        source,
        [&](Page&& page) {
            pages.push_back(std::move(page));
            if (pages.size() == 4)
                source.setOption("read-return-value", "SANE_STATUS_JAMMED");
        },
        [&](const SourceEvent& fault) {
            asked.push_back(fault.fault);
            source.setOption("read-return-value", "Default"); // the operator clears it
            return true;
        });
    EXPECT_EQ(asked, (std::vector<FaultKind>{FaultKind::CoverOpen, FaultKind::Jammed}));
    EXPECT_EQ(summary.faults, 2);
    EXPECT_EQ(summary.end, BatchEnd::FeederEmpty);
    // 10 sheets in the feeder, 2 of them met a fault before any data: 8 pages, none lost or doubled.
    EXPECT_EQ(summary.pages, 8);
    ASSERT_EQ(pages.size(), 8u);
    expectNumberedOneToN(pages);
}

TEST_F(SaneTestBackend, PullBatchStopsAtAFaultWhenTheOperatorSaysSo) {
    SanePageSource source(feederSettings());
    std::vector<Page> pages{source.next().page};
    source.setOption("read-return-value", "SANE_STATUS_JAMMED");
    const BatchSummary summary = pullBatch(
        source, [&](Page&& page) { pages.push_back(std::move(page)); }, [](const SourceEvent&) { return false; });
    EXPECT_TRUE(summary.stoppedAtFault);
    EXPECT_NE(summary.message.find("1 page(s) already scanned are kept"), std::string::npos) << summary.message;
    EXPECT_EQ(pages.size(), 1u);
}
