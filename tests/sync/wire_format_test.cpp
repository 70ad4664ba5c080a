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
