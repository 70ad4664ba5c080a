// Real printed cards through the real binary into the store: a folder with a multi-page TIFF
// and a multi-page PDF (`scan --source folder:`), the same files in a hot folder (`watch`,
// never twice across restarts), and a recorded document-camera video (`scan --source video:`).
#include "cli_pipeline_fixture.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <set>

namespace fs = std::filesystem;
using acq_test::PipelineCli;
using acq_test::quoted;

TEST_F(PipelineCli, FolderWithMultiPageTiffAndPdfOfRealCardsIsRead) {
    const fs::path folder = m_dir / "scans";
    fs::create_directories(folder);
    acq_test::writeMultiPageTiff(folder / "a-stack.tif", {cards()[0], cards()[1]}, 75);
    acq_test::writeScannedPdf(folder / "b-stack.pdf", {cards()[2], cards()[3]}, 75.0);
    const auto run = cli("--json scan --source " + quoted("folder:" + folder.string()));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("\"pages\":4,\"read\":4,\"needsReview\":0,\"rejected\":0"), std::string::npos) << run.out;
    const auto pages = acq_test::reportedPages(run.out);
    ASSERT_EQ(pages.size(), 4u);
    std::set<std::string> serials;
    for (const auto& p : pages) {
        EXPECT_EQ(p.outcome, "accepted") << p.source << "#" << p.page;
        serials.insert(p.serial);
    }
    EXPECT_EQ(serials.size(), 4u); // four different cards
    EXPECT_EQ(pages[1].page, 2);
    EXPECT_NE(pages[1].source.find("a-stack.tif"), std::string::npos);
    EXPECT_NE(pages[3].source.find("b-stack.pdf"), std::string::npos);
    EXPECT_ALL_STORED(pages);
    const auto accepted = acceptedCards();
    EXPECT_EQ(std::set<std::string>(accepted.begin(), accepted.end()), serials);

    const auto again = cli("scan " + quoted(folder.string())); // the same pages as paths: nothing added
    EXPECT_NE(again.out.find("duplicates 4"), std::string::npos) << again.out;
}

TEST_F(PipelineCli, HotFolderIngestsEveryPageIntoTheStoreNeverTwice) {
    const fs::path inbox = m_dir / "inbox";
    fs::create_directories(inbox);
    acq_test::writeMultiPageTiff(inbox / "copier-1.tif", {cards()[0], cards()[1]}, 75);
    acq_test::writeScannedPdf(inbox / "copier-2.pdf", {cards()[2], cards()[3]}, 75.0);
    acq_test::writeBytes(inbox / "broken.pdf", "%PDF-1.4 cut short");
    const std::string watch = "--json watch " + quoted(inbox.string()) + " --once --settle 0.1";
    const auto run = cli(watch);
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto pages = acq_test::reportedPages(run.out);
    ASSERT_EQ(pages.size(), 4u) << run.out;
    for (const auto& p : pages)
        EXPECT_EQ(p.outcome, "accepted") << p.source << "#" << p.page;
    EXPECT_ALL_STORED(pages);
    EXPECT_EQ(acceptedCards().size(), 4u);
    EXPECT_EQ(acq_test::fileStatus(run.out, "broken.pdf"), "failed") << run.out;
    EXPECT_TRUE(fs::exists(inbox / "processed" / "copier-1.tif"));
    EXPECT_TRUE(fs::exists(inbox / "processed" / "copier-2.pdf"));
    EXPECT_TRUE(fs::exists(inbox / "failed" / "broken.pdf.json"));

    // Restart with the same scan dropped in again: the ledger knows the file.
    fs::copy_file(inbox / "processed" / "copier-1.tif", inbox / "copier-1-again.tif");
    const auto second = cli(watch);
    EXPECT_EQ(acq_test::fileStatus(second.out, "copier-1-again.tif"), "duplicate") << second.out;
    EXPECT_TRUE(acq_test::reportedPages(second.out).empty()) << second.out;
    // A crash between storing the pages and moving the file (ledger not yet written): the
    // store knows the pages, so nothing is recorded twice.
    fs::remove(inbox / ".scanstation-ledger");
    fs::copy_file(inbox / "processed" / "copier-2.pdf", inbox / "copier-2-again.pdf");
    const auto third = cli(watch);
    EXPECT_EQ(acq_test::fileStatus(third.out, "copier-2-again.pdf"), "processed") << third.out;
    const auto again = acq_test::reportedPages(third.out);
    ASSERT_EQ(again.size(), 2u) << third.out;
    EXPECT_EQ(again[0].outcome, "duplicate");
    EXPECT_EQ(again[1].outcome, "duplicate");
    EXPECT_EQ(acceptedCards().size(), 4u);
}

namespace {

// A document camera's recording: an empty desk, then each card slides in, lies still, slides out.
void writeDeskVideo(const fs::path& file, const std::vector<cv::Mat>& cards) {
    const cv::Size frame(704, 960);
    cv::Mat desk(frame, CV_8UC1);
    cv::RNG rng(7);
    rng.fill(desk, cv::RNG::UNIFORM, 70, 110);
    cv::GaussianBlur(desk, desk, cv::Size(9, 9), 0);
    cv::VideoWriter video(file.string(), cv::CAP_OPENCV_MJPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10.0, frame, true);
    ASSERT_TRUE(video.isOpened());
    video.set(cv::VIDEOWRITER_PROP_QUALITY, 95);
    auto show = [&](const cv::Mat* card, int dx, int frames) {
        cv::Mat view = desk.clone();
        if (card) {
            const cv::Point at((frame.width - card->cols) / 2 + dx, (frame.height - card->rows) / 2);
            const cv::Rect place = cv::Rect(at, card->size()) & cv::Rect(cv::Point(0, 0), frame);
            (*card)(cv::Rect(place.tl() - at, place.size())).copyTo(view(place));
        }
        cv::Mat bgr;
        cv::cvtColor(view, bgr, cv::COLOR_GRAY2BGR);
        for (int i = 0; i < frames; ++i)
            video.write(bgr);
    };
    show(nullptr, 0, 12);
    for (const cv::Mat& card : cards) {
        for (int step = 4; step > 0; --step)
            show(&card, step * 150, 1);
        show(&card, 0, 14);
        for (int step = 1; step <= 4; ++step)
            show(&card, step * 150, 1);
        show(nullptr, 0, 4);
    }
    show(nullptr, 0, 10);
}

} // namespace

TEST_F(PipelineCli, RecordedCameraVideoOfRealCardsIsRead) {
    const fs::path video = m_dir / "desk.avi";
    writeDeskVideo(video, {cards()[2], cards()[3]});
    const auto run = cli("--json scan --camera-backend mjpeg --source " + quoted("video:" + video.string()));
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("camera captured"), std::string::npos) << run.out; // the operator is signalled
    EXPECT_NE(run.out.find("\"pages\":2,\"read\":2"), std::string::npos) << run.out;
    const auto pages = acq_test::reportedPages(run.out);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_NE(pages[0].serial, pages[1].serial);
    EXPECT_ALL_STORED(pages);
    EXPECT_EQ(acceptedCards().size(), 2u);
}
TEST_F(PipelineCli, WatchTakesItsFolderFromTheStationConfiguration) {
    const fs::path inbox = m_dir / "inbox";
    fs::create_directories(inbox);
    acq_test::writeMultiPageTiff(inbox / "scan.tif", {cards()[0]}, 75);
    const fs::path conf = m_dir / "station.conf";
    acq_test::writeBytes(conf, "[hotfolder]\nfolder = " + inbox.string() + "\nsettle = 0.1\n");
    const auto run = cli("--config " + quoted(conf.string()) + " watch --once");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("scan.tif: processed"), std::string::npos) << run.out;
    EXPECT_EQ(acceptedCards().size(), 1u);
}

// Once operators have passwords, a person's command needs a sign-in, but the unattended hot
// folder still stores pages: as the station's own job, which may scan and nothing else.
TEST_F(PipelineCli, HotFolderRunsUnattendedAfterOperatorsHavePasswords) {
    ASSERT_EQ(cli("operator passwd admin --reset", "First-admin1\n").exitCode, 0);
    const fs::path inbox = m_dir / "inbox";
    fs::create_directories(inbox);
    acq_test::writeMultiPageTiff(inbox / "copier.tif", {cards()[0]}, 75);
    EXPECT_EQ(cli("scan " + quoted((inbox / "copier.tif").string())).exitCode, 5); // nobody signed in

    const auto run = cli("--json watch " + quoted(inbox.string()) + " --once --settle 0.1");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto pages = acq_test::reportedPages(run.out);
    ASSERT_EQ(pages.size(), 1u) << run.out;
    EXPECT_EQ(pages[0].outcome, "accepted");
    EXPECT_ALL_STORED(pages);
}
