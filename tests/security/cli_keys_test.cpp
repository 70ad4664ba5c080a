// `scanstation keys encrypt-store|rotate|list|export|import` through the real binary.
#include "scanstation/core/store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using namespace scanstation;

struct CliRun {
    int code = -1;
    std::string out;
};

class CliKeysTest : public ::testing::Test {
protected:
    fs::path dir = sectest::makeTempDir("cli-keys");
    void TearDown() override { fs::remove_all(dir); }

    // The CLI on station `name` (its own data and key directories), `input` on stdin.
    CliRun run(const std::string& name, const std::string& args, const std::string& input = "") {
        const auto inFile = dir / "stdin.txt";
        std::ofstream(inFile) << input;
        const std::string cmd = "SCANSTATION_KEYS='" + (dir / name / "keys").string() + "' '" + SCANSTATION_CLI +
                                "' --data '" + (dir / name / "data").string() + "' " + args + " < '" +
                                inFile.string() + "' 2>&1";
        CliRun r;
        FILE* pipe = ::popen(cmd.c_str(), "r");
        char buf[4096];
        for (std::size_t n = 0; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;)
            r.out.append(buf, n);
        const int status = ::pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    }
    std::string storeBytes(const std::string& name) {
        std::ifstream in(dir / name / "data" / core::Store::kFileName, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

TEST_F(CliKeysTest, EncryptStoreSealsAPlainStoreOnceAndSaysSo) {
    { core::Store plain(dir / "a" / "data"); }
    ASSERT_EQ(storeBytes("a").substr(0, 15), "SQLite format 3");
    const auto first = run("a", "keys encrypt-store");
    ASSERT_EQ(first.code, 0) << first.out;
    EXPECT_NE(first.out.find("encrypted the plain store"), std::string::npos) << first.out;
    EXPECT_NE(storeBytes("a").substr(0, 15), "SQLite format 3");
    const auto again = run("a", "keys encrypt-store");
    EXPECT_NE(again.out.find("already encrypted"), std::string::npos) << again.out;
    const auto audit = run("a", "audit verify");
    EXPECT_EQ(audit.code, 0) << audit.out;
}

TEST_F(CliKeysTest, RotateListExportAndImportTheCardKeys) {
    const auto rotated = run("a", "keys rotate --grace-days 5");
    ASSERT_EQ(rotated.code, 0) << rotated.out;
    EXPECT_NE(rotated.out.find("card key #2"), std::string::npos) << rotated.out;
    const auto list = run("a", "keys list");
    EXPECT_NE(list.out.find("#1"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("grace until"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("#2"), std::string::npos) << list.out;
    const auto exportFile = (dir / "school.keys").string();
    EXPECT_NE(run("a", "keys export --out '" + exportFile + "' --for 'station 2'", "too short\n").code, 0);
    const auto exported = run("a", "keys export --out '" + exportFile + "' --for 'station 2'", "correct horse battery\n");
    ASSERT_EQ(exported.code, 0) << exported.out;
    EXPECT_NE(run("b", "keys import '" + exportFile + "'", "wrong horse battery\n").code, 0);
    const auto imported = run("b", "keys import '" + exportFile + "'", "correct horse battery\n");
    ASSERT_EQ(imported.code, 0) << imported.out;
    const auto currentLabel = list.out.substr(list.out.find("#2") + 4, 16);
    EXPECT_NE(imported.out.find(currentLabel), std::string::npos) << imported.out << " vs " << list.out;
}

} // namespace
