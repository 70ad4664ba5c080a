// `scanstation demo fill --stack` through `scan` to `review show --crops`, on the real CLI: the
// demo's stack of filled cards gives every outcome, and the review shows crops of the flagged
// rows cut from the encrypted originals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

struct Result {
    int exitCode = -1;
    std::string out;
};

class CliDemoFillTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("ingestion-fill-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    // Keys and session in the test dir; stdin from `input`. Until an operator has a password
    // the station acts on its own.
    Result cli(const std::string& args, const std::string& input = "") const {
        const fs::path in = m_dir / "stdin.txt", out = m_dir / "stdout.txt";
        std::ofstream(in) << input;
        const std::string command = "ASAN_OPTIONS=detect_leaks=0 SCANSTATION_OPERATOR= SCANSTATION_CONFIG= "
                                    "SCANSTATION_KEYS='" + (m_dir / "keys").string() + "' SCANSTATION_SESSION_FILE='" +
                                    (m_dir / "session").string() + "' '" + SCANSTATION_CLI + "' --data '" +
                                    (m_dir / "data").string() + "' " + args + " < '" + in.string() + "' > '" + out.string() +
                                    "' 2>/dev/null";
        const int status = std::system(command.c_str());
        std::stringstream text;
        text << std::ifstream(out).rdbuf();
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
    }

    fs::path m_dir;
};

TEST_F(CliDemoFillTest, StackGivesEveryOutcomeAndReviewShowsCropsOfFlaggedRows) {
    ASSERT_EQ(cli("demo init").exitCode, 0);
    ASSERT_EQ(cli("cards print --class 2b --from 2026-11-23 --to 2026-11-24 --format pdf --out '" +
                  (m_dir / "printed").string() + "'").exitCode, 0);
    const auto fill = cli("--json demo fill --stack --class 2b --max 9 --dpi 150 --out '" + (m_dir / "scans").string() + "'");
    ASSERT_EQ(fill.exitCode, 0) << fill.out;
    EXPECT_EQ(nlohmann::json::parse(fill.out).size(), 11u) << fill.out; // 9 cards, a duplicate, a letter

    const auto scan = cli("--json scan '" + (m_dir / "scans").string() + "'");
    ASSERT_EQ(scan.exitCode, 0) << scan.out;
    const auto at = scan.out.rfind("{\"summary\"");
    ASSERT_NE(at, std::string::npos) << scan.out;
    const auto summary = nlohmann::json::parse(scan.out.substr(at, scan.out.find('\n', at) - at))["summary"];
    EXPECT_EQ(summary["read"], 5) << scan.out;
    EXPECT_EQ(summary["needsReview"], 2) << scan.out;
    EXPECT_EQ(summary["rejected"], 1) << scan.out;
    EXPECT_EQ(summary["duplicates"], 1) << scan.out;
    EXPECT_EQ(summary["notCards"], 2) << scan.out;
    EXPECT_FALSE(fs::exists(m_dir / "data" / "images")); // originals only in the vault

    // Review needs a signed-in operator: the administrator gets a password and signs in per command.
    ASSERT_EQ(cli("operator passwd admin --reset", "Once-admin1\n").exitCode, 0);
    ASSERT_EQ(cli("operator passwd admin", "Once-admin1\nDemo-pass1\n").exitCode, 0);
    const std::string admin = "--operator admin --password-stdin ";
    const auto list = nlohmann::json::parse(cli(admin + "--json review list", "Demo-pass1\n").out);
    std::string flagged;
    for (const auto& item : list)
        if (item["code"] == "flagged_field")
            flagged = item["serial"];
    ASSERT_FALSE(flagged.empty()) << list.dump();
    const auto show = cli(admin + "--json review show " + flagged + " --crops '" + (m_dir / "crops").string() +
                              "' --keys '" + (m_dir / "keys").string() + "'",
                          "Demo-pass1\n");
    ASSERT_EQ(show.exitCode, 0) << show.out;
    const auto crops = nlohmann::json::parse(show.out)["crops"]["files"];
    ASSERT_EQ(crops.size(), 1u) << show.out;
    EXPECT_EQ(crops[0]["field"], "row.15.attendance");
    EXPECT_GT(fs::file_size(crops[0]["file"].get<std::string>()), 1000u);
}

} // namespace
