// Sign-in by a badge shown to the CAMERA (the hot-folder path is tests/ui/badge): the demo
// station's printed badge (card-templates' printBadge of a token core issued) is recorded lying
// still on a desk, the backend's badge source is `camera:<that video>`, and the session
// controller's badge watch captures it (scanner's still-frame camera source and findBadge) and
// signs in through core's OperatorBadges. A recording of the forged badge is refused in core's
// words: the test can fail.
#include "backend/core_backend.hpp"
#include "backend/demo_station_data.hpp"
#include "station_test_support.hpp"
#include "scanstation/ui/station.hpp"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

using namespace scanstation::ui;
using scanstation::ui::test::application;
namespace fs = std::filesystem;

namespace {

// A document camera's recording (MJPG in AVI, 10 frames/s): an empty desk, the badge slides
// in and lies still long enough to be captured (8 still frames, CameraOptions::stillFrames).
void writeBadgeVideo(const fs::path& file, const fs::path& badgeImage) {
    cv::Mat badge = cv::imread(badgeImage.string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(badge.empty()) << badgeImage;
    const cv::Size frame(960, 720);
    if (badge.cols > frame.width - 40 || badge.rows > frame.height - 40) {
        const double s = std::min((frame.width - 40.0) / badge.cols, (frame.height - 40.0) / badge.rows);
        cv::resize(badge, badge, cv::Size(), s, s, cv::INTER_AREA);
    }
    cv::Mat desk(frame, CV_8UC1);
    cv::RNG rng(11);
    rng.fill(desk, cv::RNG::UNIFORM, 70, 110);
    cv::GaussianBlur(desk, desk, cv::Size(9, 9), 0);
    cv::VideoWriter video(file.string(), cv::CAP_OPENCV_MJPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'),
                          10.0, frame, true);
    ASSERT_TRUE(video.isOpened()) << file;
    video.set(cv::VIDEOWRITER_PROP_QUALITY, 95);
    auto show = [&](bool withBadge, int dx, int frames) {
        cv::Mat view = desk.clone();
        if (withBadge) {
            const cv::Point at((frame.width - badge.cols) / 2 + dx, (frame.height - badge.rows) / 2);
            const cv::Rect place = cv::Rect(at, badge.size()) & cv::Rect(cv::Point(0, 0), frame);
            badge(cv::Rect(place.tl() - at, place.size())).copyTo(view(place));
        }
        cv::Mat bgr;
        cv::cvtColor(view, bgr, cv::COLOR_GRAY2BGR);
        for (int i = 0; i < frames; ++i)
            video.write(bgr);
    };
    show(false, 0, 12); // the source learns the empty desk from 8 still frames first
    for (int step = 4; step > 0; --step)
        show(true, step * 150, 1);
    show(true, 0, 16);
}

// A demo station (core's demo school, its admin's badges) whose only badge source is the
// camera, reading `badge` (demo-badges/<badge>.png) from a recorded video.
struct CameraStation {
    explicit CameraStation(const std::string& badge) {
        application();
        const fs::path dataDir = fs::path(m_dir.path().toStdString()) / "station";
        fs::create_directories(dataDir);
        demo::makeDemoDataDir(dataDir);
        video = fs::path(m_dir.path().toStdString()) / (badge + "-on-desk.avi");
        writeBadgeVideo(video, dataDir / "demo-badges" / (badge + ".png"));
        BackendConfig config;
        config.dataDir = dataDir;
        config.keyDir = demo::demoKeyDir();
        config.badgeSources = {"camera:" + video.string()};
        config.sourceSettings.camera.backend = "mjpeg"; // OpenCV's own AVI reader, no plugins
        config.hashCost = scanstation::core::PasswordHashCost::Minimal;
        station = std::make_unique<Station>(std::make_unique<CoreBackend>(std::move(config)), false);
    }
    ~CameraStation() {
        if (station)
            station->session()->watchForBadges(false);
    }

    QTemporaryDir m_dir; // declared first: removed after the station
    fs::path video;
    std::unique_ptr<Station> station;
};

} // namespace

TEST(BadgeCamera, ABadgeLyingStillUnderTheCameraSignsItsOperatorIn) {
    CameraStation s("admin");
    ASSERT_TRUE(s.station);
    ASSERT_TRUE(fs::file_size(s.video) > 0);
    SessionController& session = *s.station->session();
    QSignalSpy signedIn(&session, &SessionController::signedInChanged);
    QSignalSpy refused(&session, &SessionController::badgeRefused);
    QSignalSpy foreign(&session, &SessionController::foreignCodeSeen);
    session.watchForBadges(true);
    EXPECT_TRUE(session.watchingBadges());
    ASSERT_TRUE(signedIn.wait(20000)) << "no sign-in from the camera; foreign codes seen: " << foreign.count();
    EXPECT_TRUE(session.signedIn());
    EXPECT_EQ(session.role().toStdString(), "administrator"); // the demo badge is admin's
    EXPECT_FALSE(session.operatorName().isEmpty());
    EXPECT_EQ(refused.count(), 0);
}

TEST(BadgeCamera, AForgedBadgeUnderTheCameraIsRefusedInCoresWords) {
    CameraStation s("forged");
    ASSERT_TRUE(s.station);
    SessionController& session = *s.station->session();
    QSignalSpy refused(&session, &SessionController::badgeRefused);
    session.watchForBadges(true);
    ASSERT_TRUE(refused.wait(20000)) << "the forged badge was not refused";
    const std::string reason = refused.first().first().toString().toStdString();
    EXPECT_NE(reason.find("signature"), std::string::npos) << reason; // core's message
    EXPECT_FALSE(session.signedIn());
}
