// The core command groups of the real `scanstation` executable: exit codes, --json reports and
// the --operator recorded in the audit log.
#include "scanstation/core/error.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

TEST(CoreCli, DemoInitImportsTheSchoolAndRecordsTheOperator) {
    TempDir dir;
    const std::string data = (dir / "data").string();
    const auto init = test::runCli({"--data", data, "demo", "init"}); // before any password: the station acts
    ASSERT_EQ(init.exitCode, 0) << init.err;
    EXPECT_NE(init.out.find("8 classes"), std::string::npos) << init.out;
    const auto show = test::runCli({"--data", data, "--json", "roster", "show"});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("\"rosterVersion\": 1"), std::string::npos) << show.out;
    const auto audit = test::runCli({"--data", data, "audit", "list", "--action", "operator.", "--limit", "1"});
    ASSERT_EQ(audit.exitCode, 0) << audit.err;
    EXPECT_NE(audit.out.find("  station  operator.add"), std::string::npos) << audit.out;
    EXPECT_EQ(test::runCli({"--data", data, "audit", "verify"}).exitCode, 0);
}

TEST(CoreCli, ABrokenRosterExitsWithBadInputAndJsonNamesEveryLine) {
    TempDir dir;
    test::writeFile(dir / "roster.csv", "class,register_number,family_name,given_name,pupil_id\n"
                                        "1a,1,Nowak,Jan,P1\n"
                                        "1a,1,Wójcik,Ewa,P2\n"
                                        "1a,x,Żak,Ola,P3\n");
    const auto r = test::runCli({"--data", (dir / "data").string(), "--json", "roster", "import", (dir / "roster.csv").string()});
    EXPECT_EQ(r.exitCode, exitCodeFor(ErrorKind::BadInput));
    EXPECT_NE(r.out.find("\"line\": 3"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("duplicate register number 1 in class 1a (also line 2)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"line\": 4"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad register number 'x'"), std::string::npos) << r.out;
    const auto show = test::runCli({"--data", (dir / "data").string(), "--json", "roster", "show"});
    EXPECT_NE(show.out.find("\"rosterVersion\": 0"), std::string::npos) << show.out;
}

TEST(CoreCli, MissingFileIsBadInputAndUnknownClassIsNotFound) {
    TempDir dir;
    const std::string data = (dir / "data").string();
    EXPECT_EQ(test::runCli({"--data", data, "roster", "import", (dir / "none.csv").string()}).exitCode, 3);
    EXPECT_EQ(test::runCli({"--data", data, "roster", "show", "--class", "9z"}).exitCode, 6);
    EXPECT_EQ(test::runCli({"--data", data, "roster", "frobnicate"}).exitCode, 2);
}
