#include "operator_session.hpp"

#include "scanstation/core/accounts.hpp"
#include "scanstation/core/error.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace scanstation::cli {

namespace fs = std::filesystem;

fs::path sessionFile() {
    if (const char* env = std::getenv("SCANSTATION_SESSION_FILE"); env && *env)
        return env;
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run && *run)
        return fs::path(run) / "scanstation-session";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".scanstation-session";
}

void saveSessionToken(const std::string& token) {
    const auto file = sessionFile();
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Infrastructure, "cannot write the session file " + file.string());
    ::fchmod(fd, 0600);
    const std::string line = token + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!ok)
        throw Error(ErrorKind::Infrastructure, "cannot write the session file " + file.string());
}

std::optional<std::string> loadSessionToken() {
    std::ifstream in(sessionFile());
    std::string token;
    if (!in || !std::getline(in, token) || token.empty())
        return std::nullopt;
    return token;
}

void forgetSessionToken() {
    std::error_code ec;
    fs::remove(sessionFile(), ec);
}

core::Operator signedInOperator(core::Store& store) {
    const auto token = loadSessionToken();
    if (!token)
        throw Error(ErrorKind::PermissionDenied, "nobody is signed in; run `scanstation operator login LOGIN` first");
    return core::Accounts(store).authenticate(*token);
}

std::optional<core::Operator> optionalSignedInOperator(core::Store& store) {
    if (!loadSessionToken())
        return std::nullopt;
    return signedInOperator(store);
}

std::string readSecretLine(const std::string& prompt) {
    const bool tty = ::isatty(STDIN_FILENO) != 0;
    termios old{};
    if (tty) {
        std::cerr << prompt << ": " << std::flush;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::cerr << "\n";
    }
    if (!got)
        throw Error(ErrorKind::BadInput, "expected " + prompt + " on standard input (one per line)");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace scanstation::cli
