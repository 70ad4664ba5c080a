#pragma once
// A station for the acquisition CLI tests: a data directory with the demo school and a day of
// real attendance cards printed for class 2b (PNG at 75 dpi, from card-templates' renderer
// through `scanstation cards print`), made once per test program and copied for each test, so
// every test starts from the same store with the same issued cards. The store is read back
// through the core library after each run, sealed with the test's own key directory.
#include "cli_runner.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace acq_test {

// A page the command reported as stored (a --json line), as it said.
struct ReportedPage {
    std::string pageHash;
    std::string source;
    int page = 0;
    std::string outcome; // accepted, needs_review, rejected, duplicate, not_a_card
    std::string serial;  // empty when no card was identified
};
std::vector<ReportedPage> reportedPages(const std::string& output);
// The status `watch --json` gave a file: processed, failed or duplicate.
std::string fileStatus(const std::string& output, const std::string& file);

// Every page the command reported as stored is in the store (inside a PipelineCli test).
#define EXPECT_ALL_STORED(pages)                                                                   \
    for (const auto& storedPage : pages)                                                           \
    EXPECT_TRUE(isStored(storedPage.pageHash))                                                     \
        << storedPage.source << "#" << storedPage.page << " was reported stored but is not in the store"

class PipelineCli : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;

    // `scanstation --data DATA ARGS` with SANE_CONFIG_DIR pointing at the private test backend.
    CliRun cli(const std::string& args, const std::string& input = "", const std::string& interruptAfter = "") const;
    // Read back from the store (opened as the CLI opens it: sealed with the test's keys).
    bool isStored(const std::string& pageHash) const;    // a reading of this page is recorded
    std::vector<std::string> acceptedCards() const;      // serials of cards read and accepted, sorted

    // The printed cards as grey images (sorted by file name), at least 4 (each test has its own copy of the store).
    static const std::vector<cv::Mat>& cards();

    std::filesystem::path data() const { return m_dir / "data"; }
    std::filesystem::path keys() const { return m_dir / "keys"; }
    // The environment every run gets: private SANE config, keys, session file, no operator.
    std::map<std::string, std::string> environment() const;
    static std::filesystem::path saneConfigDir() { return s_sane->path(); }
    TempDir m_dir;

private:
    static TempDir* s_station;
    static TempDir* s_sane;
    static std::vector<cv::Mat>* s_cards;
};

} // namespace acq_test
