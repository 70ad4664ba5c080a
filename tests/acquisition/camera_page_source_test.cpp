// CameraPageSource on a recorded video (written here with cv::VideoWriter, MJPG in AVI): cards
// slide in, lie still, slide out; a hand-like blob passes over one card without moving it.
// Exactly one page per card, each showing that card.
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/camera_page_source.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace scanstation::scanner;

namespace {

const cv::Size kFrame(640, 480);
const cv::Point kRest(190, 60); // where a card lies still

cv::Mat desk() {
    cv::Mat d(kFrame, CV_8UC1);
    cv::RNG rng(42);
    rng.fill(d, cv::RNG::UNIFORM, 70, 110);
    cv::GaussianBlur(d, d, cv::Size(9, 9), 0); // wood-like texture
    return d;
}

cv::Mat withCard(const cv::Mat& background, const cv::Mat& card, cv::Point at) {
    cv::Mat frame = background.clone();
    const cv::Rect place = cv::Rect(at, card.size()) & cv::Rect(cv::Point(0, 0), kFrame);
    if (place.area() > 0)
        card(cv::Rect(place.tl() - at, place.size())).copyTo(frame(place));
    return frame;
}

class VideoScript {
public:
    explicit VideoScript(const std::filesystem::path& file)
        : m_writer(file.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10.0, kFrame, true) {}
    bool ok() const { return m_writer.isOpened(); }
    void hold(const cv::Mat& grey, int frames) {
        cv::Mat bgr;
        cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
        for (int i = 0; i < frames; ++i)
            m_writer.write(bgr);
    }
    void slideIn(const cv::Mat& background, const cv::Mat& card) {
        for (int step = 5; step > 0; --step)
            hold(withCard(background, card, kRest + cv::Point(step * 90, 0)), 1);
    }
    void slideOut(const cv::Mat& background, const cv::Mat& card) {
        for (int step = 1; step <= 5; ++step)
            hold(withCard(background, card, kRest + cv::Point(step * 90, 0)), 1);
    }

private:
    cv::VideoWriter m_writer;
};

} // namespace

TEST(CameraPageSource, OneCapturePerCardFromARecordedVideo) {
    acq_test::TempDir dir;
    const cv::Mat background = desk();
    const std::vector<cv::Mat> cards{acq_test::cardImage(260, 360, 11), acq_test::cardImage(260, 360, 12),
                                     acq_test::cardImage(260, 360, 13)};
    {
        VideoScript video(dir / "desk.avi");
        ASSERT_TRUE(video.ok());
        video.hold(background, 12); // empty desk: learned, never captured
        video.slideIn(background, cards[0]);
        video.hold(withCard(background, cards[0], kRest), 14);
        video.slideOut(background, cards[0]);
        video.slideIn(background, cards[1]);
        video.hold(withCard(background, cards[1], kRest), 14);
        cv::Mat hand = withCard(background, cards[1], kRest); // a hand passes, the card stays put
        cv::circle(hand, {320, 240}, 90, cv::Scalar(160), cv::FILLED);
        video.hold(hand, 3);
        video.hold(withCard(background, cards[1], kRest), 14);
        video.slideOut(background, cards[1]);
        video.hold(background, 12); // empty again: no capture
        video.slideIn(background, cards[2]);
        video.hold(withCard(background, cards[2], kRest), 14);
    }

    std::vector<CameraState> signals;
    CameraOptions options;
    options.device = (dir / "desk.avi").string();
    options.backend = "mjpeg"; // OpenCV's own AVI reader: no plugin probing (and its leaks under ASan)
    options.onStatus = [&signals](CameraState s, const std::string&) { signals.push_back(s); };
    CameraPageSource source(options);
    EXPECT_EQ(source.describe(), "video:" + options.device);

    std::vector<Page> pages;
    for (int guard = 0; guard < 10; ++guard) {
        SourceEvent e = source.next();
        if (e.kind != SourceEvent::Kind::Page) {
            EXPECT_EQ(e.kind, SourceEvent::Kind::End);
            EXPECT_EQ(e.end, BatchEnd::Exhausted);
            break;
        }
        pages.push_back(std::move(e.page));
    }
    ASSERT_EQ(pages.size(), 3u);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        EXPECT_EQ(pages[i].pageNumber, static_cast<int>(i + 1));
        const cv::Mat shot = acq_test::toGray(pages[i].image)(cv::Rect(kRest, cards[i].size()));
        // The page shows card i, still (not mid-slide): far closer to it than to the others.
        const double own = acq_test::meanAbsDiff(shot, cards[i]);
        EXPECT_LT(own, 1.0) << "page " << i + 1;
        for (std::size_t j = 0; j < cards.size(); ++j) {
            if (j != i) {
                EXPECT_LT(own * 2, acq_test::meanAbsDiff(shot, cards[j])) << "page " << i + 1 << " vs card " << j + 1;
            }
        }
    }
    EXPECT_EQ(std::count(signals.begin(), signals.end(), CameraState::Captured), 3);
    EXPECT_EQ(std::count(signals.begin(), signals.end(), CameraState::AlreadyCaptured), 1); // the hand
}

TEST(CameraPageSource, MissingVideoIsNotFound) {
    CameraOptions options;
    options.device = "/nonexistent/desk.avi";
    options.backend = "mjpeg"; // "any" probes GStreamer, whose plugins leak under ASan
    try {
        CameraPageSource source(options);
        FAIL() << "opened a missing file";
    } catch (const scanstation::Error& e) {
        EXPECT_EQ(e.kind(), scanstation::ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("/nonexistent/desk.avi"), std::string::npos) << e.what();
    }
    options.backend = "qt";
    EXPECT_THROW(CameraPageSource source(options), scanstation::Error);
}
