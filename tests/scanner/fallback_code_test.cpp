// The Code 128 fallback of the identity code (issue 3): a card whose QR code is destroyed is
// still identified and verified through the Code 128 columns; an altered Code 128 is rejected.
#include "card_fixture.hpp"
#include "scanstation/templates/fallback_code.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <random>

namespace scanstation::testing {
namespace {

constexpr double kDpi = 200;

// Scribbles over the QR code's whole region: random black strokes on noise, as a teacher's
// pen or a coffee stain would leave it. No QR decoder can read what is left.
void destroyQr(cv::Mat& card, double dpi) {
    const auto& q = attendanceTemplate().identityCodeRegion;
    const double s = dpi / 25.4;
    const cv::Rect box(static_cast<int>(q.x * s), static_cast<int>(q.y * s), static_cast<int>(q.width * s),
                       static_cast<int>(q.height * s));
    cv::Mat roi = card(box);
    cv::randu(roi, cv::Scalar(0), cv::Scalar(255));
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> x(0, box.width - 1), y(0, box.height - 1);
    for (int i = 0; i < 40; ++i)
        cv::line(roi, {x(rng), y(rng)}, {x(rng), y(rng)}, cv::Scalar(0), static_cast<int>(0.6 * s));
}

scanner::PageRecognition recognizeWithoutQr(const std::string& payload, int quarterTurns) {
    cv::Mat card = renderCard(kDpi, payload);
    destroyQr(card, kDpi);
    for (int i = 0; i < quarterTurns; ++i)
        cv::rotate(card, card, cv::ROTATE_90_CLOCKWISE);
    return corpusRecognizer().recognize(view(card, kDpi));
}

TEST(Code128Fallback, IdentifiesAndVerifiesACardWhoseQrCodeIsDestroyed) {
    for (const int turns : {0, 1, 2}) {
        const auto r = recognizeWithoutQr("", turns);
        ASSERT_TRUE(r.card.has_value()) << "turns " << turns << ": " << (r.issues.empty() ? "" : r.issues[0].message);
        EXPECT_EQ(r.card->symbology, "code128") << "turns " << turns;
        EXPECT_TRUE(r.card->signatureValid) << r.card->problem;
        EXPECT_EQ(r.card->serial, "00000042");
        EXPECT_EQ(r.card->templateId, "attendance-a4-v1");
        EXPECT_EQ(r.status, scanner::PageStatus::Read) << "turns " << turns;
        EXPECT_EQ(r.fields.size(), attendanceTemplate().fields.size());
    }
}

TEST(Code128Fallback, TheQrCodeIsPreferredWhenItReads) {
    const cv::Mat card = renderCard(kDpi);
    const auto r = corpusRecognizer().recognize(view(card, kDpi));
    ASSERT_TRUE(r.card.has_value());
    EXPECT_EQ(r.card->symbology, "qr");
    EXPECT_TRUE(r.card->signatureValid);
}

TEST(Code128Fallback, RejectsAnAlteredCode128) {
    // Another class on the same serial and MAC: what a forger would print.
    std::string forged = corpusPayload(attendanceTemplate(), bench::corpusKey());
    const auto at = forged.find("|2b|");
    ASSERT_NE(at, std::string::npos);
    forged.replace(at, 4, "|2c|");
    const auto r = recognizeWithoutQr(forged, 0);
    ASSERT_TRUE(r.card.has_value());
    EXPECT_EQ(r.card->symbology, "code128");
    EXPECT_EQ(r.card->payload, forged);
    EXPECT_FALSE(r.card->signatureValid);
    EXPECT_EQ(r.status, scanner::PageStatus::Unreadable);
    ASSERT_FALSE(r.issues.empty());
    EXPECT_EQ(r.issues.back().code, "signature_invalid");
    EXPECT_TRUE(r.fields.empty());
}

TEST(Code128Fallback, ACardWithNeitherCodeIsUnreadable) {
    cv::Mat card = renderCard(kDpi);
    destroyQr(card, kDpi);
    const auto strip = templates::fallbackCodeRegion(attendanceTemplate());
    const double s = kDpi / 25.4;
    cv::rectangle(card, cv::Rect(static_cast<int>(strip.x * s), static_cast<int>(strip.y * s + 40 * s),
                                 static_cast<int>(strip.width * s), static_cast<int>(20 * s)),
                  cv::Scalar(255), cv::FILLED); // a torn-off piece of every column
    const auto r = corpusRecognizer().recognize(view(card, kDpi));
    EXPECT_EQ(r.status, scanner::PageStatus::Unreadable);
    ASSERT_FALSE(r.issues.empty());
    EXPECT_EQ(r.issues.back().code, "identity_code_unreadable");
}

TEST(Code128Chunks, JoinInAnyOrderAndRefuseIncompleteSets) {
    const std::string payload(100, 'x');
    auto chunks = templates::fallbackCodeChunks(attendanceTemplate(), payload + "yz");
    ASSERT_GE(chunks.size(), 2u);
    std::reverse(chunks.begin(), chunks.end());
    EXPECT_EQ(templates::joinFallbackCodeChunks(chunks), payload + "yz");
    chunks.push_back(chunks.front()); // read twice: the same symbol, merged
    EXPECT_EQ(templates::joinFallbackCodeChunks(chunks), payload + "yz");
    chunks.pop_back();
    chunks.pop_back(); // one column unread
    EXPECT_FALSE(templates::joinFallbackCodeChunks(chunks));
    EXPECT_FALSE(templates::joinFallbackCodeChunks({"12abc", "12abd", "22def"})); // two texts for chunk 1
    EXPECT_FALSE(templates::joinFallbackCodeChunks({"12abc", "23def"}));          // counts disagree
    EXPECT_FALSE(templates::joinFallbackCodeChunks({}));
    EXPECT_TRUE(templates::fallbackCodeChunks(attendanceTemplate(), std::string(400, 'x')).empty()); // too long
}

} // namespace
} // namespace scanstation::testing
