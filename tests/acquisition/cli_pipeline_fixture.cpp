#include "cli_pipeline_fixture.hpp"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/store.hpp"

namespace fs = std::filesystem;

namespace acq_test {

TempDir* PipelineCli::s_station = nullptr;
TempDir* PipelineCli::s_sane = nullptr;
std::vector<cv::Mat>* PipelineCli::s_cards = nullptr;

void PipelineCli::SetUpTestSuite() {
    s_sane = new TempDir();
    writeBytes(*s_sane / "dll.conf", "test\n");
    // 50 dpi over 80 x 100 mm: small pages (157 x 196 pixels); the feeder holds 10 sheets.
    writeBytes(*s_sane / "test.conf", "number_of_devices 1\nresolution 50.0\nbr_x 80.0\nbr_y 100.0\n");
    s_station = new TempDir();
    const std::string data = "--data " + quoted((*s_station / "data").string()) + " ";
    const std::map<std::string, std::string> env{{"SCANSTATION_KEYS", (*s_station / "keys").string()},
                                                 {"SCANSTATION_SESSION_FILE", (*s_station / "session").string()},
                                                 {"SCANSTATION_OPERATOR", ""}};
    const auto init = runCli({data + "demo init", "", env, ""});
    ASSERT_EQ(init.exitCode, 0) << init.out;
    // No operator has a password yet: the station itself prints the cards.
    const auto print = runCli({data + "cards print --class 2b --from 2026-11-23 --format png --dpi 75 --out " +
                                   quoted((*s_station / "cards").string()),
                               "", env, ""});
    ASSERT_EQ(print.exitCode, 0) << print.out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(*s_station / "cards"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    s_cards = new std::vector<cv::Mat>();
    for (const auto& f : files)
        s_cards->push_back(cv::imread(f.string(), cv::IMREAD_GRAYSCALE));
    ASSERT_GE(s_cards->size(), 4u) << print.out;
}

void PipelineCli::TearDownTestSuite() {
    delete s_station;
    delete s_sane;
    delete s_cards;
    s_station = s_sane = nullptr;
    s_cards = nullptr;
}

void PipelineCli::SetUp() {
    ASSERT_TRUE(s_station && s_cards && s_cards->size() >= 4) << "the station could not be set up";
    fs::copy(*s_station / "data", data(), fs::copy_options::recursive);
    fs::copy(*s_station / "keys", keys(), fs::copy_options::recursive);
}

std::map<std::string, std::string> PipelineCli::environment() const {
    return {{"SANE_CONFIG_DIR", s_sane->path().string()},
            {"SCANSTATION_KEYS", keys().string()},
            {"SCANSTATION_SESSION_FILE", (m_dir / "session").string()},
            {"SCANSTATION_OPERATOR", ""},
            {"SCANSTATION_CONFIG", ""}};
}

const std::vector<cv::Mat>& PipelineCli::cards() {
    return *s_cards;
}

CliRun PipelineCli::cli(const std::string& args, const std::string& input, const std::string& interruptAfter) const {
    CliCall call;
    call.args = "--data " + quoted(data().string()) + " " + args;
    call.input = input;
    call.env = environment();
    call.interruptAfter = interruptAfter;
    return runCli(call);
}

bool PipelineCli::isStored(const std::string& pageHash) const {
    scanstation::core::Store store(scanstation::core::SealedDataDir(data(), keys()));
    return scanstation::core::ReadingRecorder(store).isRecorded(pageHash);
}

std::vector<std::string> PipelineCli::acceptedCards() const {
    scanstation::core::Store store(scanstation::core::SealedDataDir(data(), keys()));
    std::vector<std::string> serials;
    // Accepted cards are queued for the register at once: both states mean "read and accepted".
    const scanstation::core::CardRegistry cards(store);
    for (const auto state : {scanstation::core::CardState::Accepted, scanstation::core::CardState::Queued})
        for (const auto& card : cards.inState(state))
            serials.push_back(card.serial);
    std::sort(serials.begin(), serials.end());
    return serials;
}

std::string fileStatus(const std::string& output, const std::string& file) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{\"event\":\"file\"", 0) != 0)
            continue;
        const auto j = nlohmann::json::parse(line);
        if (j["file"] == file)
            return j["status"];
    }
    return "(no file event for " + file + ")";
}

std::vector<ReportedPage> reportedPages(const std::string& output) {
    std::vector<ReportedPage> pages;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{\"stored\":true", 0) != 0)
            continue;
        const auto j = nlohmann::json::parse(line);
        pages.push_back({j["pageHash"], j["source"], j["page"], j["outcome"], j["serial"]});
    }
    return pages;
}

} // namespace acq_test
