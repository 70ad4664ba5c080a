// The station configuration parser (core/station_config.hpp) on the sample that ships in
// hardware/, on hand-written files, and on every kind of bad line: each error names the file
// and the line.
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/station_config.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using core::parseStationConfig;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseStationConfig(text, "/etc/scanstation/station.conf");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        return e.what();
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return {};
}

} // namespace

TEST(StationConfig, TheShippedSampleReadsCompletely) {
    const auto config = core::readStationConfig(std::filesystem::path(SCANSTATION_SOURCE_DIR) / "hardware" / "station.conf.example");
    EXPECT_EQ(config.station.dataDir, std::filesystem::path("/var/lib/scanstation"));
    EXPECT_EQ(config.station.operatorLogin, "station");
    EXPECT_EQ(config.scanner.source, "sane:fujitsu:fi-7160:12345");
    EXPECT_EQ(config.scanner.resolutionDpi, 200.0);
    EXPECT_EQ(config.scanner.mode, "gray");
    EXPECT_EQ(config.scanner.feeder, true);
    EXPECT_EQ(config.scanner.duplex, false);
    ASSERT_EQ(config.scanner.backendOptions.size(), 3u);
    EXPECT_EQ(config.scanner.backendOptions[0], (std::pair<std::string, std::string>{"swdeskew", "yes"}));
    EXPECT_EQ(config.hotFolder.folder, std::filesystem::path("/srv/scanstation/inbox"));
    EXPECT_EQ(config.hotFolder.settleSeconds, 3.0);
    EXPECT_EQ(config.camera.source, "camera:0");
    EXPECT_EQ(config.camera.backend, "v4l2");
    EXPECT_TRUE(config.sync.registerUrl.has_value());
}

TEST(StationConfig, UnsetKeysStayUnsetAndLinesAreRemembered) {
    const auto config = parseStationConfig("# only a scanner\n\n[scanner]\n  source = sane:test:0  \nduplex=yes\n", "s.conf");
    EXPECT_EQ(config.scanner.source, "sane:test:0");
    EXPECT_EQ(config.scanner.duplex, true);
    EXPECT_FALSE(config.scanner.resolutionDpi.has_value());
    EXPECT_FALSE(config.station.dataDir.has_value());
    EXPECT_EQ(config.whereIs("scanner.source"), "s.conf:4");
    EXPECT_EQ(config.whereIs("scanner.dpi"), "s.conf");
}

TEST(StationConfig, EveryBadLineNamesFileAndLine) {
    const std::string at3 = "/etc/scanstation/station.conf:3: ";
    const std::string head = "# sample\n[scanner]\n";
    EXPECT_EQ(errorOf(head + "dpi = fast\n").rfind(at3 + "[scanner] dpi = 'fast': expected a number", 0), 0u);
    EXPECT_EQ(errorOf(head + "dpi = -5\n").rfind(at3, 0), 0u);
    EXPECT_EQ(errorOf(head + "feeder = maybe\n"), at3 + "[scanner] feeder = 'maybe': expected yes or no");
    EXPECT_EQ(errorOf(head + "mode = sepia\n"), at3 + "[scanner] mode = 'sepia': expected color, gray or lineart");
    EXPECT_NE(errorOf(head + "dpii = 300\n").find(at3 + "unknown key 'dpii' in [scanner] (known: "), std::string::npos);
    EXPECT_EQ(errorOf(head + "just words\n").rfind(at3 + "'just words': expected key = value", 0), 0u);
    EXPECT_EQ(errorOf(head + "sane-option = noequals\n"), at3 + "[scanner] sane-option = 'noequals': expected NAME=VALUE");
    EXPECT_EQ(errorOf(head + "source =\n"), at3 + "[scanner] source = '': expected a value");
    EXPECT_EQ(errorOf("\n\n[printer]\n").rfind(at3 + "unknown section [printer]", 0), 0u);
    EXPECT_EQ(errorOf("\n\nsource = sane\n"), at3 + "'source = sane': a key before the first [section]");
    EXPECT_EQ(errorOf("[station]\n\ndata = relative/dir\n"), at3 + "[station] data = 'relative/dir': expected an absolute path");
    EXPECT_EQ(errorOf("[scanner]\ndpi = 200\ndpi = 300\n"), at3 + "'dpi' in [scanner] is already set on line 2");
    EXPECT_EQ(errorOf("[scanner\n\n"), "/etc/scanstation/station.conf:1: '[scanner': a section line is [name]");
}

TEST(StationConfig, LoadingFollowsTheDocumentedOrder) {
    acq_test::TempDir dir;
    acq_test::writeBytes(dir / "a.conf", "[scanner]\nsource = sane:a\n");
    acq_test::writeBytes(dir / "b.conf", "[scanner]\nsource = sane:b\n");
    setenv("SCANSTATION_CONFIG", (dir / "b.conf").c_str(), 1);
    EXPECT_EQ(core::defaultStationConfigPath(), dir / "b.conf");
    EXPECT_EQ(core::loadStationConfig(dir / "a.conf").scanner.source, "sane:a"); // --config wins
    EXPECT_EQ(core::loadStationConfig().scanner.source, "sane:b");
    setenv("SCANSTATION_CONFIG", (dir / "missing.conf").c_str(), 1);
    EXPECT_THROW(core::loadStationConfig(), Error); // named explicitly: must exist
    unsetenv("SCANSTATION_CONFIG");
    try {
        core::loadStationConfig(dir / "missing.conf");
        FAIL() << "a --config file that does not exist";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("missing.conf"), std::string::npos);
    }
}
