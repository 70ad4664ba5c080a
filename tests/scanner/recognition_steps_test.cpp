// Each recognition step alone, on a card drawn by the project's renderer.
#include "card_fixture.hpp"
#include "mark_painter.hpp"
#include "scanstation/scanner/recognition_steps.hpp"
#include "scanstation/templates/card_renderer.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <thread>

namespace scanstation::testing {
namespace {

constexpr double kDpi = 150;

double pxPerMm() { return kDpi / 25.4; }

// Where a card-mm point lands after rotating the whole page image by `turns` quarter turns
// clockwise (cv::rotate), pixel centres at (mm * px/mm - 0.5).
scanner::PixelPoint expectedPx(core::PointMm p, int turns, const cv::Size& upright) {
    double x = p.x * pxPerMm() - 0.5, y = p.y * pxPerMm() - 0.5;
    const double w = upright.width - 1.0, h = upright.height - 1.0;
    for (int i = 0; i < turns; ++i) {
        const double nx = (i % 2 == 0 ? h : w) - y, ny = x;
        x = nx;
        y = ny;
    }
    return {x, y};
}

cv::Mat rotated(const cv::Mat& card, int turns) {
    cv::Mat out = card.clone();
    for (int i = 0; i < turns; ++i)
        cv::rotate(out, out, cv::ROTATE_90_CLOCKWISE);
    return out;
}

TEST(FindRegistrationMarks, FindsTheFourCornersOfARenderedCard) {
    const cv::Mat card = renderCard(kDpi);
    const auto& tpl = attendanceTemplate();
    const auto found = scanner::findRegistrationMarks(view(card, kDpi), tpl.registrationMarks);
    ASSERT_TRUE(found.found) << found.problem;
    const core::PointMm corners[4] = {{10, 10}, {200, 10}, {200, 287}, {10, 287}};
    for (int i = 0; i < 4; ++i) {
        const auto want = expectedPx(corners[i], 0, card.size());
        EXPECT_NEAR(found.corners[i].x, want.x, 0.5 * pxPerMm()) << "corner " << i;
        EXPECT_NEAR(found.corners[i].y, want.y, 0.5 * pxPerMm()) << "corner " << i;
    }
}

TEST(FindRegistrationMarks, ReportsABlankPageAsBlank) {
    const cv::Mat blank(1754, 1240, CV_8UC1, cv::Scalar(238));
    const auto found = scanner::findRegistrationMarks(view(blank, kDpi), attendanceTemplate().registrationMarks);
    EXPECT_FALSE(found.found);
    EXPECT_TRUE(found.pageLooksBlank);
}

TEST(EstimateTransform, TellsEachOfTheFourOrientations) {
    const cv::Mat card = renderCard(kDpi);
    const auto& marks = attendanceTemplate().registrationMarks;
    for (int turns = 0; turns < 4; ++turns) {
        const cv::Mat page = rotated(card, turns);
        const auto found = scanner::findRegistrationMarks(view(page, kDpi), marks);
        ASSERT_TRUE(found.found) << turns << ": " << found.problem;
        const auto t = scanner::estimateTransform(view(page, kDpi), found, marks);
        ASSERT_TRUE(t.valid) << turns << ": " << t.problem;
        EXPECT_EQ(t.rotationDegrees, 90 * turns);
        EXPECT_LT(t.residualMm, 0.2);
        // A bubble far from every mark lands where it was drawn.
        const core::PointMm bubble = attendanceTemplate().findField("row.20.attendance")->options[2].centre;
        const auto got = t.toImage(bubble), want = expectedPx(bubble, turns, card.size());
        EXPECT_NEAR(got.x, want.x, 0.2 * pxPerMm()) << turns;
        EXPECT_NEAR(got.y, want.y, 0.2 * pxPerMm()) << turns;
    }
}

TEST(EstimateTransform, HandlesSkewAndScale) {
    const cv::Mat card = renderCard(kDpi);
    cv::Mat page;
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(620, 877), 2.5, 0.97);
    cv::warpAffine(card, page, m, card.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    const auto& marks = attendanceTemplate().registrationMarks;
    const auto found = scanner::findRegistrationMarks(view(page, kDpi), marks);
    ASSERT_TRUE(found.found) << found.problem;
    const auto t = scanner::estimateTransform(view(page, kDpi), found, marks);
    ASSERT_TRUE(t.valid) << t.problem;
    EXPECT_LT(t.residualMm, 0.25);
    const core::PointMm p{100, 150};
    const cv::Point2d src(p.x * pxPerMm() - 0.5, p.y * pxPerMm() - 0.5);
    const double wx = m.at<double>(0, 0) * src.x + m.at<double>(0, 1) * src.y + m.at<double>(0, 2);
    const double wy = m.at<double>(1, 0) * src.x + m.at<double>(1, 1) * src.y + m.at<double>(1, 2);
    EXPECT_NEAR(t.toImage(p).x, wx, 0.2 * pxPerMm());
    EXPECT_NEAR(t.toImage(p).y, wy, 0.2 * pxPerMm());
}

TEST(DecodeIdentityCode, ReadsThePayloadFromTheCodeRegionOnly) {
    const cv::Mat card = renderCard(kDpi);
    const auto& tpl = attendanceTemplate();
    const auto found = scanner::findRegistrationMarks(view(card, kDpi), tpl.registrationMarks);
    const auto t = scanner::estimateTransform(view(card, kDpi), found, tpl.registrationMarks);
    const auto code = scanner::decodeIdentityCode(view(card, kDpi), t, tpl.identityCodeRegion);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(code->symbology, "qr");
    EXPECT_EQ(code->text, corpusPayload(tpl, bench::corpusKey()));
    // Elsewhere on the card there is no code.
    const auto none = scanner::decodeIdentityCode(view(card, kDpi), t, core::RectMm{20, 100, 28, 28});
    EXPECT_FALSE(none.has_value());
}

TEST(SampleBubbles, MeasuresAMarkedBubbleDarkAndItsNeighboursEmpty) {
    cv::Mat card = renderCard(kDpi);
    const auto& tpl = attendanceTemplate();
    std::mt19937_64 rng(1);
    bench::MarkPainter painter(card, pxPerMm(), rng);
    const auto& sp = tpl.findField("row.12.attendance")->options[1];
    painter.solidDisc(sp.centre, sp.radius * 0.9, 40);
    const auto found = scanner::findRegistrationMarks(view(card, kDpi), tpl.registrationMarks);
    const auto t = scanner::estimateTransform(view(card, kDpi), found, tpl.registrationMarks);
    const templates::Raster blank = templates::renderRaster(tpl, {}, 200);
    const auto sampling = scanner::prepareBubbleSampling(
        tpl, {blank.gray.data(), blank.width, blank.height, blank.stride, scanner::PixelFormat::Gray8, blank.dpi});
    const auto measured = scanner::sampleBubbles(view(card, kDpi), t, sampling);
    ASSERT_EQ(measured.size(), tpl.fields.size());
    std::size_t index = 0;
    while (tpl.fields[index].id != "row.12.attendance")
        ++index;
    const auto& row = measured[index];
    EXPECT_GT(row[1].fill, 0.7); // grey 40 ink is 0.84 of the marks' black
    EXPECT_GT(row[1].coverage, 0.9);
    for (std::size_t i : {0u, 2u, 3u}) {
        EXPECT_LT(row[i].fill, 0.05) << i;
        EXPECT_EQ(row[i].outerArc, 0) << i;
    }
}

TEST(Recognizer, ReadsACleanCardAndIsSafeFromSeveralThreads) {
    cv::Mat card = renderCard(200);
    std::mt19937_64 rng(2);
    bench::MarkPainter painter(card, 200 / 25.4, rng);
    const auto& o = attendanceTemplate().findField("row.03.attendance")->options[3];
    painter.solidDisc(o.centre, o.radius * 0.9, 30);
    const auto first = corpusRecognizer().recognize(view(card, 200));
    ASSERT_EQ(first.status, scanner::PageStatus::Read);
    ASSERT_TRUE(first.card.has_value());
    EXPECT_EQ(first.card->serial, "00000042");
    EXPECT_TRUE(first.card->signatureValid);
    EXPECT_EQ(field(first, "row.03.attendance")->values, std::vector<std::string>{"zw"});
    EXPECT_TRUE(field(first, "row.04.attendance")->values.empty());
    std::vector<std::jthread> threads;
    std::vector<std::string> lines(4);
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            auto r = corpusRecognizer().recognize(view(card, 200));
            r.timing = {};
            lines[i] = scanner::toJsonLine(r, "card.png", 1, true);
        });
    threads.clear();
    auto expected = first;
    expected.timing = {};
    for (const auto& l : lines)
        EXPECT_EQ(l, scanner::toJsonLine(expected, "card.png", 1, true));
}

TEST(Recognizer, ReportsAForgedCardAsUnreadableWithItsIdentity) {
    std::array<std::uint8_t, core::StationKey::kSize> bytes{};
    bytes.fill(7);
    const cv::Mat card = renderCard(kDpi, corpusPayload(attendanceTemplate(), core::StationKey(bytes)));
    const auto r = corpusRecognizer().recognize(view(card, kDpi));
    EXPECT_EQ(r.status, scanner::PageStatus::Unreadable);
    ASSERT_TRUE(r.card.has_value());
    EXPECT_FALSE(r.card->signatureValid);
    ASSERT_FALSE(r.issues.empty());
    EXPECT_EQ(r.issues.front().code, "signature_invalid");
    EXPECT_TRUE(r.fields.empty());
}

} // namespace
} // namespace scanstation::testing
