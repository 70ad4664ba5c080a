// The register's answers are untrusted input: malformed ones become a problem text, never a crash.
#include "wire_format.hpp"

#include <gtest/gtest.h>

using scanstation::sync::detail::parseOutcomes;

TEST(WireFormat, ReadsEveryOutcomeWithItsTexts) {
    std::string problem;
    const auto outcomes = parseOutcomes(
        R"({"outcomes":[{"recordId":"a","status":"accepted"},
                        {"recordId":"b","status":"conflict","reason":"conflicts_with_online_entry",
                         "message":"entered online","currentValue":"u"}]})",
        problem);
    ASSERT_TRUE(outcomes) << problem;
    ASSERT_EQ(outcomes->size(), 2u);
    EXPECT_EQ((*outcomes)[1].reason, "conflicts_with_online_entry");
    EXPECT_EQ((*outcomes)[1].currentValue, "u");
}

// Found by fuzz_register_response: a non-string reason threw nlohmann::json::type_error.
TEST(WireFormat, NonStringTextsAreAProblemNotACrash) {
    for (const char* key : {"reason", "message", "currentValue"}) {
        std::string problem;
        const std::string body = std::string(R"({"outcomes":[{"recordId":"a","status":"rejected",")") +
                                 key + R"(":{"x":1}}]})";
        EXPECT_FALSE(parseOutcomes(body, problem)) << key;
        EXPECT_NE(problem.find(key), std::string::npos) << problem;
    }
}

// A corrected resend names what it supersedes and the register value decided over, and a
// result keeps the refused record's result sourcedId (the same register entry, never a second).
TEST(WireFormat, CorrectedResultSupersedesAndKeepsItsSourcedId) {
    scanstation::core::OutboxRecord r;
    r.kind = scanstation::core::OutboxKind::Result;
    r.recordId = "c00000042-grade-P0007:r2";
    r.lineItemId = "c00000042-grades";
    r.pupilId = "P0007";
    r.value = "4+";
    r.supersedes = "c00000042-grade-P0007:r1";
    r.registerValue = "3";
    const auto wire = scanstation::sync::detail::toWire(r);
    EXPECT_EQ(wire["recordId"], "c00000042-grade-P0007:r2");
    EXPECT_EQ(wire["result"]["sourcedId"], "c00000042-grade-P0007");
    EXPECT_EQ(wire["supersedes"]["recordId"], "c00000042-grade-P0007:r1");
    EXPECT_EQ(wire["supersedes"]["registerValue"], "3");
    r.supersedes.clear();
    EXPECT_FALSE(scanstation::sync::detail::toWire(r).contains("supersedes"));
}
