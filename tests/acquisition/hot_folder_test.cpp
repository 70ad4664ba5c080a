// HotFolder on a real temporary folder: partial files wait, good files go to processed/ and bad
// ones to failed/ with a sidecar, and the ledger stops a file being processed twice, also by a
// new HotFolder (a restart).
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/hot_folder.hpp"

#include <gtest/gtest.h>
#include <thread>

using namespace scanstation::scanner;
namespace fs = std::filesystem;

namespace {

constexpr auto kSettle = std::chrono::milliseconds(150);

struct Received {
    std::vector<std::string> pages; // "name#page"
    HotFolderPageHandler handler() {
        return [this](const HotFolderFile& file, const Page& page) {
            EXPECT_EQ(file.sha256.size(), 64u);
            pages.push_back(file.path.filename().string() + "#" + std::to_string(page.pageNumber));
        };
    }
};

HotFolder makeFolder(const acq_test::TempDir& dir) { return HotFolder({dir.path(), kSettle, kSettle}); }

void settle() { std::this_thread::sleep_for(kSettle + std::chrono::milliseconds(30)); }

std::vector<cv::Mat> twoCards() { return {acq_test::cardImage(200, 280, 1), acq_test::cardImage(200, 280, 2)}; }

} // namespace

TEST(HotFolder, AFileStillBeingWrittenIsNotReadUntilItStopsChanging) {
    acq_test::TempDir dir, scratch;
    acq_test::writeScannedPdf(scratch / "whole.pdf", twoCards(), 100);
    const std::string bytes = acq_test::readBytes(scratch / "whole.pdf");
    HotFolder folder = makeFolder(dir);
    Received got;

    acq_test::writeBytes(dir / "scan.pdf", bytes.substr(0, bytes.size() / 2)); // the copier is writing
    EXPECT_TRUE(folder.poll(got.handler()).empty());
    settle();
    acq_test::writeBytes(dir / "scan.pdf", bytes); // ...and finishes
    EXPECT_TRUE(folder.poll(got.handler()).empty()) << "it changed since the last look";
    EXPECT_TRUE(got.pages.empty());
    settle();
    const auto results = folder.poll(got.handler());
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].outcome, HotFolderOutcome::Processed) << results[0].reason;
    EXPECT_EQ(got.pages, (std::vector<std::string>{"scan.pdf#1", "scan.pdf#2"}));
}

TEST(HotFolder, TemporaryNamesAreIgnoredUntilRenamed) {
    acq_test::TempDir dir, scratch;
    HotFolder folder = makeFolder(dir);
    Received got;
    acq_test::writeMultiPageTiff(scratch / "scan.tif", twoCards(), 200);
    fs::copy_file(scratch / "scan.tif", dir / "scan.tif.part");
    EXPECT_TRUE(folder.drain(got.handler()).empty());
    fs::rename(dir / "scan.tif.part", dir / "scan.tif");
    const auto results = folder.drain(got.handler());
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(got.pages.size(), 2u);
}

TEST(HotFolder, FilesAreMovedToProcessedOrFailedWithASidecar) {
    acq_test::TempDir dir;
    acq_test::writeMultiPageTiff(dir / "good.tif", twoCards(), 200);
    acq_test::writeBytes(dir / "bad.jpg", "\xff\xd8\xff not really a jpeg");
    acq_test::writeBytes(dir / "letter.docx", "PK not a scan");
    HotFolder folder = makeFolder(dir);
    Received got;
    const auto results = folder.drain(got.handler());
    ASSERT_EQ(results.size(), 3u);
    EXPECT_TRUE(fs::exists(dir / "failed" / "letter.docx"));
    EXPECT_NE(acq_test::readBytes(dir / "failed" / "letter.docx.json").find("not a page file"), std::string::npos);

    EXPECT_FALSE(fs::exists(dir / "good.tif"));
    EXPECT_TRUE(fs::exists(dir / "processed" / "good.tif"));
    const std::string okSidecar = acq_test::readBytes(dir / "processed" / "good.tif.json");
    EXPECT_NE(okSidecar.find("\"status\": \"processed\""), std::string::npos) << okSidecar;
    EXPECT_NE(okSidecar.find("\"pages\": 2"), std::string::npos) << okSidecar;

    EXPECT_FALSE(fs::exists(dir / "bad.jpg"));
    EXPECT_TRUE(fs::exists(dir / "failed" / "bad.jpg"));
    const std::string badSidecar = acq_test::readBytes(dir / "failed" / "bad.jpg.json");
    EXPECT_NE(badSidecar.find("\"status\": \"failed\""), std::string::npos) << badSidecar;
    EXPECT_NE(badSidecar.find("bad.jpg: JPEG ends before"), std::string::npos) << badSidecar;
    EXPECT_EQ(got.pages, (std::vector<std::string>{"good.tif#1", "good.tif#2"}));
}

TEST(HotFolder, AHandlerErrorFailsTheFileWithItsMessage) {
    acq_test::TempDir dir;
    acq_test::writeMultiPageTiff(dir / "scan.tif", twoCards(), 200);
    HotFolder folder = makeFolder(dir);
    const auto results = folder.drain([](const HotFolderFile&, const Page&) {
        throw scanstation::Error(scanstation::ErrorKind::Infrastructure, "store is locked");
    });
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].outcome, HotFolderOutcome::Failed);
    EXPECT_TRUE(fs::exists(dir / "failed" / "scan.tif"));
    EXPECT_NE(acq_test::readBytes(dir / "failed" / "scan.tif.json").find("store is locked"), std::string::npos);
}

TEST(HotFolder, ARestartNeverProcessesTheSameFileTwice) {
    acq_test::TempDir dir, scratch;
    acq_test::writeMultiPageTiff(scratch / "scan.tif", twoCards(), 200);
    fs::copy_file(scratch / "scan.tif", dir / "scan.tif");
    Received first;
    {
        HotFolder folder = makeFolder(dir);
        ASSERT_EQ(folder.drain(first.handler()).size(), 1u);
    }
    EXPECT_EQ(first.pages.size(), 2u);

    // The copier sends the same scan again (or a crash left it in the inbox) and the station restarts.
    fs::copy_file(scratch / "scan.tif", dir / "scan.tif");
    Received second;
    HotFolder restarted = makeFolder(dir);
    const auto results = restarted.drain(second.handler());
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].outcome, HotFolderOutcome::Duplicate);
    EXPECT_NE(results[0].reason.find("scan.tif at"), std::string::npos) << results[0].reason;
    EXPECT_TRUE(second.pages.empty());
    EXPECT_TRUE(fs::exists(dir / "processed" / "scan-2.tif"));
    EXPECT_NE(acq_test::readBytes(dir / "processed" / "scan-2.tif.json").find("duplicate"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir / "processed" / "scan.tif")); // the first one is untouched
}
