// The real `scanstation` binary: operator accounts with passwords on stdin, sign-in, archive
// creation, and a tampered archive refused with exit code 7.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

struct CliRun {
    int code = -1;
    std::string out;
};

class CliSecurityTest : public ::testing::Test {
protected:
    fs::path dir = scanstation::sectest::makeTempDir("cli-security");

    void TearDown() override { fs::remove_all(dir); }

    // Runs the CLI with `input` on stdin; stdout and stderr together in `out`.
    CliRun run(const std::string& args, const std::string& input = "") {
        const auto inFile = dir / "stdin.txt";
        std::ofstream(inFile) << input;
        const std::string cmd = "SCANSTATION_SESSION_FILE='" + (dir / "session").string() + "' SCANSTATION_KEYS='" +
                                (dir / "keys").string() + "' '" + SCANSTATION_CLI + "' --data '" +
                                (dir / "data").string() + "' " + args + " < '" + inFile.string() + "' 2>&1";
        CliRun r;
        FILE* pipe = ::popen(cmd.c_str(), "r");
        char buf[4096];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
            r.out.append(buf, n);
        const int status = ::pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    }

    // Accounts made through the library with the cheap test hash cost, so that the many CLI
    // sign-ins below stay fast; the CLI's own `operator add` is tested on its own.
    void seedOperator(const std::string& login, scanstation::core::Role role, const std::string& password) {
        using namespace scanstation::core;
        Store store(dir / "data");
        Operator op;
        op.login = login;
        op.displayName = login;
        op.role = role;
        OperatorDirectory(store).add("setup", op);
        Accounts accounts(store, PasswordHashCost::Minimal);
        std::optional<Operator> admin = OperatorDirectory(store).find("admin");
        accounts.setOneTimePassword(login == "admin" ? std::nullopt : admin, login, password);
    }

    void bootstrapAdmin() {
        seedOperator("admin", scanstation::core::Role::Administrator, "First-admin1");
        const auto login = run("operator login admin", "First-admin1\nChosen-admin2\n");
        ASSERT_EQ(login.code, 0) << login.out;
    }
};

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
