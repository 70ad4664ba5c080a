// The JSON Lines record of `scanstation recognize` (scanner/README.md).
#include "scanstation/scanner/recognizer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace scanstation::scanner {
namespace {

PageRecognition sample() {
    PageRecognition r;
    r.status = PageStatus::NeedsReview;
    IdentityReading id;
    id.serial = "00000042";
    id.templateId = "attendance-a4-v1";
    id.templateVersion = 1;
    id.signatureValid = true;
    id.parsed = true;
    id.fields = {{"school", "sch \"1\""}, {"class", "2b"}};
    r.card = id;
    FieldReading a;
    a.fieldId = "row.01.attendance";
    a.values = {"nb"};
    a.confidence = 0.9;
    a.bubbles.push_back({"nb", 0.8, 1, 1, 0, 0, 0, 0, 0, 0, BubbleState::Marked});
    FieldReading b;
    b.fieldId = "row.02.attendance";
    b.values = {"nb", "u"};
    b.flagged = true;
    b.reason = FlagReason::MultipleMarks;
    FieldReading c;
    c.fieldId = "row.03.attendance";
    r.fields = {a, b, c};
    r.issues.push_back({"multiple_marks", "row.02.attendance", "bubbles \"nb\", \"u\" are all marked"});
    r.timing.total = 3.5;
    return r;
}

TEST(RecognitionJson, WritesOneObjectWithEveryDocumentedKey) {
    const std::string line = toJsonLine(sample(), "scans/a.pdf", 2);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["source"], "scans/a.pdf");
    EXPECT_EQ(j["page"], 2);
    EXPECT_EQ(j["status"], "needs_review");
    EXPECT_EQ(j["card"]["serial"], "00000042");
    EXPECT_EQ(j["card"]["template"], "attendance-a4-v1");
    EXPECT_EQ(j["card"]["signature_valid"], true);
    EXPECT_EQ(j["card"]["school"], "sch \"1\"");
    EXPECT_EQ(j["fields"]["row.01.attendance"]["value"], "nb");
    EXPECT_EQ(j["fields"]["row.01.attendance"]["flagged"], false);
    EXPECT_FALSE(j["fields"]["row.01.attendance"].contains("reason"));
    EXPECT_EQ(j["fields"]["row.02.attendance"]["reason"], "multiple_marks");
    EXPECT_EQ(j["fields"]["row.02.attendance"]["value"], nlohmann::json({"nb", "u"}));
    EXPECT_TRUE(j["fields"]["row.03.attendance"]["value"].is_null());
    EXPECT_EQ(j["issues"][0]["code"], "multiple_marks");
    EXPECT_EQ(j["issues"][0]["field"], "row.02.attendance");
    EXPECT_DOUBLE_EQ(j["timing_ms"]["total"].get<double>(), 3.5);
    EXPECT_FALSE(j["fields"]["row.01.attendance"].contains("bubbles"));
}

TEST(RecognitionJson, CarriesRawBubblesOnRequestAndNullCardWhenNone) {
    auto r = sample();
    r.card.reset();
    const auto j = nlohmann::json::parse(toJsonLine(r, "x.png", 1, true));
    EXPECT_TRUE(j["card"].is_null());
    EXPECT_EQ(j["fields"]["row.01.attendance"]["bubbles"][0]["state"], "marked");
    EXPECT_DOUBLE_EQ(j["fields"]["row.01.attendance"]["bubbles"][0]["fill"].get<double>(), 0.8);
}

} // namespace
} // namespace scanstation::scanner
