// The acquisition commands of the real `scanstation` binary: `devices --json` against SANE's
// test backend (private SANE_CONFIG_DIR) and `watch FOLDER --once` on a real folder.
#include "fixtures.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
};

CliRun runCli(const std::string& args, const std::string& env = "") {
    const std::string command = env + std::string(SCANSTATION_CLI) + " " + args + " 2>&1";
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        run.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

TEST(AcquisitionCli, DevicesListsTheSaneTestBackend) {
    acq_test::TempDir config;
    acq_test::writeBytes(config / "dll.conf", "test\n");
    acq_test::writeBytes(config / "test.conf", "number_of_devices 1\n");
    setenv("SANE_CONFIG_DIR", config.path().c_str(), 1);
    const CliRun run = runCli("devices --json --details");
    unsetenv("SANE_CONFIG_DIR");
    EXPECT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("\"source_spec\": \"sane:test:0\""), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Automatic Document Feeder"), std::string::npos) << run.out;
}

TEST(AcquisitionCli, WatchRefusesToStartWithoutASchoolAndLeavesTheFilesAlone) {
    acq_test::TempDir dir;
    fs::create_directories(dir / "inbox");
    acq_test::writeMultiPageTiff(dir / "inbox" / "scan.tif", {acq_test::cardImage(200, 280, 1)}, 200);
    const std::string env = "SCANSTATION_KEYS=" + (dir / "keys").string() + " SCANSTATION_OPERATOR= ";
    const CliRun run = runCli("--data " + (dir / "data").string() + " watch " + (dir / "inbox").string() +
                              " --once --settle 0.1", env);
    EXPECT_EQ(run.exitCode, 4) << run.out; // conflict: nothing to read cards for yet
    EXPECT_NE(run.out.find("no school in the roster"), std::string::npos) << run.out;
    EXPECT_TRUE(fs::exists(dir / "inbox" / "scan.tif"));
}
