#pragma once
// A fresh station for tests that run the real `scanstation` binary: its own data, key
// directory and session file in a temporary folder; operators seeded with the cheap test hash
// cost; the audit chain read back through the library.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace scanstation::sectest {

namespace fs = std::filesystem;

struct CliRun {
    int code = -1;
    std::string out;
};

class CliStationTest : public ::testing::Test {
protected:
    fs::path dir = makeTempDir("cli-station");

    void TearDown() override { fs::remove_all(dir); }

    // Runs the CLI with `input` on stdin; stdout and stderr together in `out`.
    CliRun run(const std::string& args, const std::string& input = "", const std::string& env = "") {
        const auto inFile = dir / "stdin.txt";
        std::ofstream(inFile) << input;
        const std::string cmd = env + " SCANSTATION_SESSION_FILE='" + (dir / "session").string() + "' SCANSTATION_KEYS='" +
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
        Store store(SealedDataDir(dir / "data", dir / "keys"));
        Operator op;
        op.login = login;
        op.displayName = login;
        op.role = role;
        OperatorDirectory(store).add("setup", op);
        Accounts accounts(store, PasswordHashCost::Minimal);
        std::optional<Operator> admin = OperatorDirectory(store).find("admin");
        accounts.setOneTimePassword(login == "admin" ? std::nullopt : admin, login, password);
    }

    // A small valid roster in the station's simple CSV: the changing command of these tests.
    std::string rosterFile() {
        const auto file = dir / "roster.csv";
        std::ofstream(file) << "class,register_number,family_name,given_name,pupil_id\n1a,1,Nowak,Jan,P1\n";
        return "'" + file.string() + "'";
    }

    // The actions recorded for `actor`, oldest first, each as "action details".
    std::vector<std::string> auditOf(const std::string& actor) {
        using namespace scanstation::core;
        Store store(SealedDataDir(dir / "data", dir / "keys"));
        AuditQuery q;
        q.actor = actor;
        std::vector<std::string> lines;
        for (const auto& e : AuditLog(store).list(q))
            lines.push_back(e.action + " " + e.details);
        EXPECT_TRUE(AuditLog(store).verify().ok);
        return lines;
    }

    static bool has(const std::vector<std::string>& lines, const std::string& prefix) {
        for (const auto& l : lines)
            if (l.rfind(prefix, 0) == 0)
                return true;
        return false;
    }

    void bootstrapAdmin() {
        seedOperator("admin", scanstation::core::Role::Administrator, "First-admin1");
        const auto login = run("operator login admin", "First-admin1\nChosen-admin2\n");
        ASSERT_EQ(login.code, 0) << login.out;
    }
};

} // namespace scanstation::sectest
