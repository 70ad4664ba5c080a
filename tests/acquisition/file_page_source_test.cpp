// FilePageSource over a folder: pages of every file in name order; a bad file is a fault that
// names it and the batch goes on past it.
#include "fixtures.hpp"
#include "scanstation/scanner/sources/file_page_source.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

using namespace scanstation::scanner;

TEST(FilePageSource, FolderYieldsEveryPageAndFaultsOnABadFileWithoutStopping) {
    acq_test::TempDir dir;
    acq_test::writeMultiPageTiff(dir / "a.tif", {acq_test::cardImage(200, 280, 1), acq_test::cardImage(200, 280, 2)}, 200);
    acq_test::writeBytes(dir / "b.jpg", "garbage");
    acq_test::writeScannedPdf(dir / "c.pdf", {acq_test::cardImage(200, 280, 3)}, 100);
    acq_test::writeBytes(dir / "readme.txt", "ignored: not a page file");

    auto source = FilePageSource::fromFolder(dir.path());
    std::vector<std::string> seen;
    for (int guard = 0; guard < 20; ++guard) {
        const SourceEvent e = source->next();
        if (e.kind == SourceEvent::Kind::End) {
            EXPECT_EQ(e.end, BatchEnd::Exhausted);
            break;
        }
        if (e.kind == SourceEvent::Kind::Fault) {
            EXPECT_EQ(e.fault, FaultKind::BadPage);
            EXPECT_NE(e.message.find("b.jpg"), std::string::npos) << e.message;
            seen.push_back("fault");
        } else {
            seen.push_back(std::filesystem::path(e.page.source).filename().string() + "#" + std::to_string(e.page.pageNumber));
        }
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"a.tif#1", "a.tif#2", "fault", "c.pdf#1"}));
}

TEST(FilePageSource, CancelEndsTheBatch) {
    acq_test::TempDir dir;
    acq_test::writeMultiPageTiff(dir / "a.tif", {acq_test::cardImage(200, 280, 1), acq_test::cardImage(200, 280, 2)}, 200);
    FilePageSource source({dir / "a.tif"});
    EXPECT_EQ(source.next().kind, SourceEvent::Kind::Page);
    source.cancel();
    const SourceEvent e = source.next();
    EXPECT_EQ(e.kind, SourceEvent::Kind::End);
    EXPECT_EQ(e.end, BatchEnd::Cancelled);
}
