#pragma once
// Helpers of the core tests: temporary directories, running the scanstation CLI, reading a
// store with the sqlite3 shell. Real files, real processes.
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

struct RunResult {
    int exitCode = -1; // -signal when killed
    std::string out;   // stdout
    std::string err;   // stderr
};

// Runs the scanstation CLI (SCANSTATION_CLI) with these arguments and waits for it.
RunResult runCli(const std::vector<std::string>& args);

// A data directory the CLI has used, with the key directory the CLI found in this same
// environment ($SCANSTATION_KEYS, else the user's): the CLI encrypts every store it opens, and a
// plain core::Store refuses an encrypted one.
core::SealedDataDir cliDataDir(const std::filesystem::path& dataDir);

// Starts the CLI without waiting; its output goes to /dev/null. Returns the child's pid.
int spawnCli(const std::vector<std::string>& args);

// Runs `sqlite3 DB SQL` (the real shell, as an administrator would) and returns its stdout.
RunResult runSqliteShell(const std::filesystem::path& db, const std::string& sqlText);

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& content);

// Replaces the first occurrence of `from` with `to` in the file; fails the test when absent.
void replaceInFile(const std::filesystem::path& file, const std::string& from, const std::string& to);

// The 1-based line number of the first line containing `needle`.
int lineOf(const std::filesystem::path& file, const std::string& needle);

// Zips every file of a folder (flat) into `zip`, with libarchive.
void zipFolder(const std::filesystem::path& dir, const std::filesystem::path& zip);

std::string describe(const std::vector<core::ImportProblem>& problems);

} // namespace scanstation::test
