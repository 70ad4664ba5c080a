// Inputs found by fuzz_oneroster that once crashed the reader; each must now be a reported problem.
#include "import/roster_parsers.hpp"

#include <gtest/gtest.h>

using scanstation::core::import::parseOneRosterBundle;

TEST(OneRosterRegression, BundleWithoutUsersFileIsAProblemNotACrash) {
    const std::map<std::string, std::string> files = {
        {"manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"},
        {"roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,"
                      "endDate,orgSourcedId,userProfileSourcedId\n"
                      "r1,active,2026-11-01T08:00:00Z,u1,primary,student,,,school,\n"},
    };
    const auto parsed = parseOneRosterBundle(files);
    ASSERT_FALSE(parsed.problems.empty());
    bool namesUsers = false;
    for (const auto& p : parsed.problems)
        namesUsers = namesUsers || p.file.find("users.csv") != std::string::npos ||
                     p.reason.find("users.csv") != std::string::npos;
    EXPECT_TRUE(namesUsers) << "the report should say users.csv is missing";
}
