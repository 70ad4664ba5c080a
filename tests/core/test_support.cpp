#include "test_support.hpp"

#include "scanstation/core/key_store.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace scanstation::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "scanstation-core-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

namespace {

RunResult runProcess(const std::vector<std::string>& argv) {
    TempDir io;
    const auto outPath = io / "out", errPath = io / "err";
    const pid_t pid = fork();
    if (pid == 0) {
        const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    return r;
}

} // namespace

int spawnCli(const std::vector<std::string>& args) {
    std::vector<std::string> argv{SCANSTATION_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        std::vector<char*> cargs;
        for (const auto& a : argv)
            cargs.push_back(const_cast<char*>(a.c_str()));
        cargs.push_back(nullptr);
        execv(cargs[0], cargs.data());
        _exit(127);
    }
    return pid;
}

RunResult runCli(const std::vector<std::string>& args) {
    std::vector<std::string> argv{SCANSTATION_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

core::SealedDataDir cliDataDir(const std::filesystem::path& dataDir) {
    return core::SealedDataDir(dataDir, core::KeyStore::defaultDir());
}

RunResult runSqliteShell(const std::filesystem::path& db, const std::string& sqlText) {
    return runProcess({"sqlite3", db.string(), sqlText});
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const std::filesystem::path& file, const std::string& content) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
}

void replaceInFile(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string text = readFile(file);
    const auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos) << "'" << from << "' not in " << file;
    text.replace(pos, from.size(), to);
    writeFile(file, text);
}

int lineOf(const std::filesystem::path& file, const std::string& needle) {
    std::istringstream in(readFile(file));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (line.find(needle) != std::string::npos)
            return n;
    ADD_FAILURE() << "'" << needle << "' not in " << file;
    return -1;
}

void zipFolder(const std::filesystem::path& dir, const std::filesystem::path& zip) {
    archive* a = archive_write_new();
    archive_write_set_format_zip(a);
    ASSERT_EQ(archive_write_open_filename(a, zip.c_str()), ARCHIVE_OK);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string content = readFile(entry.path());
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, ("bundle/" + entry.path().filename().string()).c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, content.data(), content.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

std::string describe(const std::vector<core::ImportProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += p.file + ":" + std::to_string(p.line) + " [" + p.column + "] " + p.reason + "\n";
    return out;
}

} // namespace scanstation::test
