// The hand-made fixtures of tests/data/recognition, one per page status and flag reason
// (made by bench_make_fixtures; see tests/data/recognition/README.md).
#include "card_fixture.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>

namespace scanstation::testing {
namespace {

struct Expectation {
    const char* file;
    scanner::PageStatus status;
    const char* issue;     // first issue code, or "" for none
    const char* field;     // field that must carry `reason`, or ""
    const char* value;     // that field's single value, or "" for none/any
};

const Expectation kFixtures[] = {
    {"read", scanner::PageStatus::Read, "", "row.01.attendance", "nb"},
    {"read_cancelled_resolved", scanner::PageStatus::Read, "", "row.05.attendance", "zw"},
    {"needs_review_multiple_marks", scanner::PageStatus::NeedsReview, "multiple_marks", "row.03.attendance", ""},
    {"needs_review_faint_mark", scanner::PageStatus::NeedsReview, "faint_mark", "row.04.attendance", ""},
    {"needs_review_partial_mark", scanner::PageStatus::NeedsReview, "partial_mark", "row.06.attendance", ""},
    {"needs_review_between_thresholds", scanner::PageStatus::NeedsReview, "between_thresholds", "row.07.attendance", ""},
    {"needs_review_stroke_across_bubbles", scanner::PageStatus::NeedsReview, "stroke_across_bubbles", "row.08.attendance", ""},
    {"needs_review_cancelled_mark", scanner::PageStatus::NeedsReview, "cancelled_mark", "row.09.attendance", ""},
    {"needs_review_unexplained_ink", scanner::PageStatus::NeedsReview, "unexplained_ink", "row.10.attendance", ""},
    {"unreadable_signature_invalid", scanner::PageStatus::Unreadable, "signature_invalid", "", ""},
    {"unreadable_identity_code_unreadable", scanner::PageStatus::Unreadable, "identity_code_unreadable", "", ""},
    {"not_a_card", scanner::PageStatus::NotACard, "no_registration_marks", "", ""},
    {"blank", scanner::PageStatus::Blank, "blank_page", "", ""},
};

class RecognitionFixture : public ::testing::TestWithParam<Expectation> {};

TEST_P(RecognitionFixture, HasItsStatusAndReason) {
    const Expectation& e = GetParam();
    const auto path = std::filesystem::path(SCANSTATION_SOURCE_DIR) / "tests/data/recognition" / (std::string(e.file) + ".png");
    const cv::Mat image = cv::imread(path.string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(image.empty()) << path;
    const auto r = corpusRecognizer().recognize(view(image, 150));
    std::string trace; // what the engine saw, for a failing fixture
    for (const auto& i : r.issues)
        trace += i.code + " " + i.field + ": " + i.message + "\n";
    if (const auto* f = std::string(e.field).empty() ? nullptr : field(r, e.field))
        for (const auto& b : f->bubbles)
            trace += b.value + " fill " + std::to_string(b.fill) + " cov " + std::to_string(b.coverage) + " arc " +
                     std::to_string(b.outerArc) + " ofill " + std::to_string(b.outerFill) + " runs " + std::to_string(b.outerRuns) + " far " +
                     std::to_string(b.farArc) + " gap " + std::to_string(b.gapInkAfter) + "\n";
    SCOPED_TRACE(trace);
    EXPECT_EQ(scanner::toString(r.status), scanner::toString(e.status));
    if (std::string(e.issue).empty()) {
        EXPECT_TRUE(r.issues.empty()) << r.issues.front().code << ": " << r.issues.front().message;
    } else {
        ASSERT_EQ(r.issues.size(), 1u) << (r.issues.empty() ? "" : r.issues.front().code + " " + r.issues.front().field);
        EXPECT_EQ(r.issues.front().code, e.issue) << r.issues.front().message;
    }
    if (std::string(e.field).empty())
        return;
    const auto* f = field(r, e.field);
    ASSERT_NE(f, nullptr);
    if (!std::string(e.issue).empty()) {
        EXPECT_TRUE(f->flagged);
        EXPECT_EQ(r.issues.front().field, e.field);
    }
    if (!std::string(e.value).empty()) {
        EXPECT_EQ(f->values, std::vector<std::string>{e.value});
    }
}

INSTANTIATE_TEST_SUITE_P(TestsData, RecognitionFixture, ::testing::ValuesIn(kFixtures),
                         [](const auto& paramInfo) { return std::string(paramInfo.param.file); });

} // namespace
} // namespace scanstation::testing
