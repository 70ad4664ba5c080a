// The real `scanstation` binary: operator accounts with passwords on stdin, sign-in, archive
// creation, and a tampered archive refused with exit code 7.
#include "cli_station_test.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace {

namespace fs = std::filesystem;
using scanstation::sectest::CliStationTest;

class CliSecurityTest : public CliStationTest {};

} // namespace

TEST_F(CliSecurityTest, FirstSignInDemandsANewPasswordAndReportsPreviousSignIns) {
    ASSERT_EQ(run("operator add admin --role administrator", "First-admin1\n").code, 0);
    EXPECT_EQ(run("operator login admin", "First-admin1\n").code, 5); // no new password given
    EXPECT_EQ(run("operator login admin", "First-admin1\nweak\n").code, 3);
    const auto ok = run("operator login admin", "First-admin1\nChosen-admin2\n");
    ASSERT_EQ(ok.code, 0) << ok.out;
    EXPECT_NE(ok.out.find("previous successful sign-in: never"), std::string::npos) << ok.out;
    EXPECT_EQ(run("operator login admin", "First-admin1\n").code, 5);
    const auto again = run("operator login admin", "Chosen-admin2\n");
    EXPECT_NE(again.out.find("previous failed sign-in: 20"), std::string::npos) << again.out;
    EXPECT_EQ(run("operator whoami").code, 0);
    EXPECT_EQ(run("operator logout").code, 0);
    EXPECT_EQ(run("operator whoami").code, 5);
}

TEST_F(CliSecurityTest, OnlyASignedInAdministratorAddsAndUnlocksOperators) {
    bootstrapAdmin();
    seedOperator("nowak", scanstation::core::Role::Teacher, "Teacher-one1");
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(run("operator login nowak", "Wrong-pass" + std::to_string(i) + "\n").code, 5);
    EXPECT_NE(run("operator list").out.find("locked until"), std::string::npos);
    EXPECT_EQ(run("operator unlock nowak").code, 0);
    ASSERT_EQ(run("operator login nowak", "Teacher-one1\n").code, 5); // one-time, no new password given
    EXPECT_EQ(run("operator add kowal --role teacher", "Teacher-xyz1\n").code, 0); // still the admin's session
    ASSERT_EQ(run("operator login nowak", "Teacher-one1\nTeacher-two2\n").code, 0);
    // Now the teacher is signed in: no operator management.
    EXPECT_EQ(run("operator add kowal2 --role teacher", "Teacher-xyz1\n").code, 5);
    EXPECT_EQ(run("operator list").code, 5);
    EXPECT_EQ(run("archive --out x.xml").code, 5);
}

TEST_F(CliSecurityTest, ArchiveVerifiesAndATamperedOneExitsWith7) {
    bootstrapAdmin();
    ASSERT_EQ(run("keys init").code, 0);
    const auto file = (dir / "archive.xml").string();
    const auto made = run("archive --out '" + file + "' --for 'school safe'");
    ASSERT_EQ(made.code, 0) << made.out;
    const auto checked = run("archive verify '" + file + "' --show operators");
    EXPECT_EQ(checked.code, 0) << checked.out;
    EXPECT_NE(checked.out.find("signature: valid"), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find("login=admin"), std::string::npos) << checked.out;
    EXPECT_EQ(run("archive --out '" + file + "'").code, 4); // never overwritten

    std::stringstream text;
    text << std::ifstream(file).rdbuf();
    auto tampered = text.str();
    tampered.replace(tampered.find("school safe"), 11, "school SAFE");
    std::ofstream(file, std::ios::trunc) << tampered;
    const auto refused = run("archive verify '" + file + "'");
    EXPECT_EQ(refused.code, 7) << refused.out;
}

// --- Operators on the command line: changing commands act only as a signed-in operator. ---

TEST_F(CliSecurityTest, ClaimedOperatorWithoutASessionIsRefused) {
    seedOperator("admin", scanstation::core::Role::Administrator, "First-admin1");
    const auto claimed = run("--operator admin roster import " + rosterFile());
    EXPECT_EQ(claimed.code, 5) << claimed.out;
    EXPECT_NE(claimed.out.find("--operator admin is refused: nobody is signed in"), std::string::npos) << claimed.out;
    EXPECT_NE(claimed.out.find("scanstation operator login admin"), std::string::npos) << claimed.out;
    // The environment variable is a claim like the option.
    const auto env = run("roster import " + rosterFile(), "", "SCANSTATION_OPERATOR=admin");
    EXPECT_EQ(env.code, 5) << env.out;
    EXPECT_NE(env.out.find("--operator admin is refused"), std::string::npos) << env.out;
    // Without any claim: the station has accounts, so somebody must be signed in.
    const auto nobody = run("roster import " + rosterFile());
    EXPECT_EQ(nobody.code, 5) << nobody.out;
    EXPECT_NE(nobody.out.find("nobody is signed in"), std::string::npos) << nobody.out;
    EXPECT_FALSE(fs::exists(dir / "session"));
    EXPECT_FALSE(has(auditOf("admin"), "roster.import"));
}

TEST_F(CliSecurityTest, SignedInOperatorChangesDataAndIsTheOneRecorded) {
    bootstrapAdmin();
    seedOperator("nowak", scanstation::core::Role::Teacher, "Teacher-one1");
    const auto imported = run("roster import " + rosterFile());
    ASSERT_EQ(imported.code, 0) << imported.out;
    EXPECT_EQ(run("--operator admin roster import " + rosterFile()).code, 0); // names the signed-in one
    const auto other = run("--operator nowak roster import " + rosterFile());
    EXPECT_EQ(other.code, 5) << other.out;
    EXPECT_NE(other.out.find("admin is signed in"), std::string::npos) << other.out;
    const auto admin = auditOf("admin");
    EXPECT_TRUE(has(admin, "account.signin role administrator"));
    EXPECT_TRUE(has(admin, "roster.import"));
    EXPECT_FALSE(has(auditOf("nowak"), "roster.import"));
    EXPECT_EQ(run("operator logout").code, 0);
    EXPECT_TRUE(has(auditOf("admin"), "account.signout signed out"));
    EXPECT_EQ(run("roster import " + rosterFile()).code, 5);
}

TEST_F(CliSecurityTest, PasswordStdinSignsInForOneCommandOnly) {
    seedOperator("admin", scanstation::core::Role::Administrator, "First-admin1");
    // A one-time password must be replaced interactively first.
    const auto oneTime = run("--operator admin --password-stdin roster import " + rosterFile(), "First-admin1\n");
    EXPECT_EQ(oneTime.code, 5) << oneTime.out;
    EXPECT_NE(oneTime.out.find("must choose a new password first"), std::string::npos) << oneTime.out;
    ASSERT_EQ(run("operator passwd admin", "First-admin1\nChosen-admin2\n").code, 0);

    const auto ok = run("--operator admin --password-stdin roster import " + rosterFile(), "Chosen-admin2\n");
    ASSERT_EQ(ok.code, 0) << ok.out;
    EXPECT_FALSE(fs::exists(dir / "session")) << "a one-command sign-in leaves no session behind";
    EXPECT_EQ(run("roster import " + rosterFile()).code, 5);
    const auto wrong = run("--operator admin --password-stdin roster import " + rosterFile(), "Wrong-pass1\n");
    EXPECT_EQ(wrong.code, 5) << wrong.out;
    EXPECT_EQ(run("--password-stdin roster import " + rosterFile(), "Chosen-admin2\n").code, 3); // whose password?

    const auto admin = auditOf("admin");
    std::vector<std::string> sequence;
    for (const auto& line : admin)
        if (line.rfind("account.signin", 0) == 0 || line.rfind("account.signout", 0) == 0 ||
            line.rfind("roster.import", 0) == 0)
            sequence.push_back(line.substr(0, line.find(' ')));
    const std::vector<std::string> expected{"account.signin", "roster.import", "account.signout",
                                            "account.signin_failed"};
    EXPECT_EQ(sequence, expected);
}

TEST_F(CliSecurityTest, SessionIdleLongerThan45MinutesIsRefusedAndEnded) {
    using namespace scanstation::core;
    seedOperator("admin", Role::Administrator, "First-admin1");
    std::string token;
    {
        // Signed in 46 minutes ago (the store's clock is injected), nothing done since.
        auto past = std::make_shared<ManualClock>(std::chrono::system_clock::now() - std::chrono::minutes(46));
        Store store(SealedDataDir(dir / "data", dir / "keys"), past);
        Accounts accounts(store, PasswordHashCost::Minimal);
        const auto first = accounts.signIn("admin", "First-admin1", std::string("Chosen-admin2"));
        ASSERT_FALSE(first.sessionToken.empty());
        token = first.sessionToken;
    }
    {
        std::ofstream(dir / "session") << token << "\n";
        ::chmod((dir / "session").c_str(), 0600);
    }
    const auto idle = run("roster import " + rosterFile());
    EXPECT_EQ(idle.code, 5) << idle.out;
    EXPECT_NE(idle.out.find("automatic after 45 minutes without activity"), std::string::npos) << idle.out;
    EXPECT_FALSE(fs::exists(dir / "session")) << "an ended session's token is removed";
    EXPECT_TRUE(has(auditOf("admin"), "account.signout automatic after 45 minutes"));
    EXPECT_EQ(run("roster import " + rosterFile()).code, 5);
}

TEST_F(CliSecurityTest, SessionFileOthersCanReadIsRefused) {
    bootstrapAdmin();
    const auto session = dir / "session";
    ASSERT_TRUE(fs::exists(session));
    struct stat st {};
    ASSERT_EQ(::stat(session.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "login writes the session file for its owner only";

    ::chmod(session.c_str(), 0644);
    const auto readable = run("roster import " + rosterFile());
    EXPECT_EQ(readable.code, 5) << readable.out;
    EXPECT_NE(readable.out.find("mode 0644"), std::string::npos) << readable.out;
    ::chmod(session.c_str(), 0620);
    EXPECT_EQ(run("operator whoami").code, 5);

    // A link in place of the file is refused too, even to a private file.
    ::chmod(session.c_str(), 0600);
    fs::rename(session, dir / "real-session");
    fs::create_symlink(dir / "real-session", session);
    const auto linked = run("roster import " + rosterFile());
    EXPECT_EQ(linked.code, 5) << linked.out;
    EXPECT_NE(linked.out.find("not a plain file"), std::string::npos) << linked.out;
    fs::remove(session);
    fs::rename(dir / "real-session", session);
    EXPECT_EQ(run("roster import " + rosterFile()).code, 0);
}

TEST_F(CliSecurityTest, CommandLineSignInsAndFailuresAreInTheAuditChain) {
    seedOperator("admin", scanstation::core::Role::Administrator, "First-admin1");
    EXPECT_EQ(run("operator login admin", "Not-the-one1\n").code, 5);
    ASSERT_EQ(run("operator login admin", "First-admin1\nChosen-admin2\n").code, 0);
    ASSERT_EQ(run("operator login admin", "Chosen-admin2\n").code, 0); // then ends the first session
    ASSERT_EQ(run("operator logout").code, 0);
    std::vector<std::string> sequence;
    for (const auto& line : auditOf("admin"))
        if (line.rfind("account.", 0) == 0)
            sequence.push_back(line.substr(0, line.find(' ')));
    const std::vector<std::string> expected{"account.password_set", "account.signin_failed",
                                            "account.password_change", "account.signin",
                                            "account.signin", "account.signout", "account.signout"};
    EXPECT_EQ(sequence, expected);
}
