// Inputs found by the fuzz targets in fuzz/ that crashed the station; each must now be refused
// with a BadInput error that names the file. The inputs are also replayed by fuzz.replay.*.
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster_import.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(SCANSTATION_SOURCE_DIR) / "fuzz" / "corpus";

} // namespace

// fuzz_oneroster_zip, 2026-11-23: a zip whose local header is garbage made libarchive fail
// without an error message; the reader built its message from that NULL pointer (SEGV).
TEST(FuzzRegression, ZipWithoutLibarchiveMessageIsBadInputNotACrash) {
    const auto dir = scanstation::sectest::makeTempDir("fuzz-regression");
    const auto zip = dir / "roster.zip";
    fs::copy_file(kCorpus / "fuzz_oneroster_zip" / "crash_null_error_string.zip", zip);
    try {
        (void)scanstation::core::parseRoster(zip);
        ADD_FAILURE() << "a damaged zip was accepted as a roster";
    } catch (const scanstation::Error& e) {
        EXPECT_EQ(e.kind(), scanstation::ErrorKind::BadInput);
        EXPECT_NE(std::string(e.what()).find(zip.string()), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}
