#include "operator_session.hpp"

#include "scanstation/core/accounts.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <memory>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace scanstation::cli {

namespace fs = std::filesystem;

// Who acts for the rest of this command: decided once, on first use. A --password-stdin
// session lives exactly as long as the command (the CliContext that holds this).
struct ActingSession {
    fs::path dataDir;
    fs::path keyDir; // the store's (empty: a plain store)
    std::optional<core::Operator> op;
    std::string oneCommandToken; // set for --password-stdin; signed out when the command ends

    ~ActingSession() {
        if (oneCommandToken.empty())
            return;
        try {
            auto store = keyDir.empty() ? std::make_unique<core::Store>(dataDir)
                                        : std::make_unique<core::Store>(core::SealedDataDir(dataDir, keyDir));
            core::Accounts(*store).signOut(oneCommandToken);
        } catch (const std::exception& e) {
            std::cerr << "scanstation: warning: the one-command session was not closed: " << e.what() << "\n";
        }
    }
};

namespace {

const CliContext* g_commandLine = nullptr;

// A stable short name for the data directory, so that sessions of two stations (or of two
// test runs) on one account never mix: 64-bit FNV-1a of its absolute path, in hex.
std::string dataDirDigest(const fs::path& dataDir) {
    std::error_code ec;
    auto absolute = fs::weakly_canonical(fs::absolute(dataDir, ec), ec);
    if (ec)
        absolute = dataDir;
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : absolute.string()) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

// --operator, else $SCANSTATION_OPERATOR, else a [station] operator of the configuration other
// than "station": the login the caller says is acting. Empty when nobody is named.
std::string claimedLogin(const CliContext& ctx) {
    if (!ctx.operatorOption.empty())
        return ctx.operatorOption;
    if (const char* env = std::getenv("SCANSTATION_OPERATOR"); env && *env)
        return env;
    const auto& configured = ctx.stationConfig().station.operatorLogin;
    if (configured && *configured != "station")
        return *configured;
    return {};
}

std::string octalMode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

void signInForOneCommand(core::Store& store, const CliContext& ctx, const std::string& login, ActingSession& s) {
    if (login.empty())
        throw Error(ErrorKind::BadInput, "--password-stdin needs --operator LOGIN: whose password is on standard input?");
    if (!ctx.stdinPassword)
        throw Error(ErrorKind::BadInput, "--password-stdin: no password on standard input");
    const auto result = core::Accounts(store).signIn(login, *ctx.stdinPassword);
    if (result.status == core::SignInStatus::PasswordChangeRequired)
        throw Error(ErrorKind::PermissionDenied,
                    "not signed in: " + login + " must choose a new password first (" + result.changeReason +
                        "): `scanstation operator passwd " + login + "` or `scanstation operator login " + login + "`");
    s.op = result.op;
    s.oneCommandToken = result.sessionToken;
}

void useSessionFile(core::Store& store, const std::string& claim, const std::string& token, ActingSession& s) {
    try {
        s.op = core::Accounts(store).authenticate(token);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::PermissionDenied)
            forgetSessionToken(store.dataDir()); // ended or idle: the token is worth nothing now
        throw Error(e.kind(), std::string(e.what()) + " with `scanstation operator login LOGIN`");
    }
    if (!claim.empty() && claim != s.op->login)
        throw Error(ErrorKind::PermissionDenied, "--operator " + claim + " is refused: " + s.op->login +
                                                     " is signed in; sign out first (`scanstation operator logout`)");
}

// Decides who acts, once per command: the one-command sign-in, else the session file; a named
// operator without either is refused.
ActingSession& resolve(core::Store& store, const CliContext& ctx) {
    if (ctx.acting)
        return *ctx.acting;
    auto s = std::make_shared<ActingSession>();
    s->dataDir = store.dataDir();
    s->keyDir = store.keyDir();
    const auto claim = claimedLogin(ctx);
    if (ctx.passwordStdin) {
        signInForOneCommand(store, ctx, claim, *s);
    } else if (const auto token = loadSessionToken(store.dataDir())) {
        useSessionFile(store, claim, *token, *s);
    } else if (!claim.empty()) {
        throw Error(ErrorKind::PermissionDenied,
                    "--operator " + claim + " is refused: nobody is signed in. Sign in first with `scanstation operator "
                    "login " + claim + "` (password on standard input), or in a script add --password-stdin and give "
                    "the password on the first line of standard input");
    }
    ctx.acting = s;
    return *s;
}

} // namespace

void useCommandLine(const CliContext& ctx) {
    g_commandLine = &ctx;
}

fs::path sessionFile(const fs::path& dataDir) {
    if (const char* env = std::getenv("SCANSTATION_SESSION_FILE"); env && *env)
        return env;
    const std::string name = "scanstation-session-" + dataDirDigest(dataDir);
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run && *run)
        return fs::path(run) / name;
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ("." + name);
}

void saveSessionToken(const fs::path& dataDir, const std::string& token) {
    const auto file = sessionFile(dataDir);
    forgetSessionToken(dataDir); // never write through a file (or link) someone else prepared
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Infrastructure,
                    "cannot write the session file " + file.string() + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    const std::string line = token + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!ok)
        throw Error(ErrorKind::Infrastructure, "cannot write the session file " + file.string());
}

std::optional<std::string> loadSessionToken(const fs::path& dataDir) {
    const auto file = sessionFile(dataDir);
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0)
        return std::nullopt;
    // Anyone who can read the token can act as the operator; anyone who can write it can make
    // the operator act as someone else.
    const std::string refused = "the session file " + file.string() + " is refused: ";
    const std::string again = "; remove it (`scanstation operator logout`) and sign in again";
    if (!S_ISREG(st.st_mode))
        throw Error(ErrorKind::PermissionDenied, refused + "it is not a plain file" + again);
    if (st.st_uid != ::geteuid())
        throw Error(ErrorKind::PermissionDenied, refused + "it belongs to another user" + again);
    if ((st.st_mode & 077) != 0)
        throw Error(ErrorKind::PermissionDenied, refused + "mode " + octalMode(st.st_mode) +
                                                     " lets others read or write it (it must be 0600)" + again);
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string text(256, '\0');
    const auto n = ::read(fd, text.data(), text.size());
    ::close(fd);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    if (const auto end = text.find_first_of("\r\n"); end != std::string::npos)
        text.resize(end);
    if (text.empty())
        return std::nullopt;
    return text;
}

void forgetSessionToken(const fs::path& dataDir) {
    std::error_code ec;
    fs::remove(sessionFile(dataDir), ec);
}

core::Operator signedInOperator(core::Store& store) {
    if (const auto op = optionalSignedInOperator(store))
        return *op;
    throw Error(ErrorKind::PermissionDenied, "nobody is signed in; run `scanstation operator login LOGIN` first");
}

std::optional<core::Operator> optionalSignedInOperator(core::Store& store) {
    static const CliContext noOptions;
    return resolve(store, g_commandLine ? *g_commandLine : noOptions).op;
}

namespace {

// "station" while no operator can sign in yet (a station being set up); else nobody may act.
std::string setUpStationLogin(core::Store& store) {
    if (core::Accounts(store).anyPasswordSet())
        throw Error(ErrorKind::PermissionDenied,
                    "nobody is signed in: this station has operator accounts, so sign in first with `scanstation "
                    "operator login LOGIN` (or, in a script, --operator LOGIN --password-stdin)");
    return "station";
}

} // namespace

std::string actingLogin(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    if (const auto& op = resolve(store, ctx).op)
        return op->login;
    return setUpStationLogin(store);
}

std::string authorizedLogin(core::Store& store, const CliContext& ctx, core::Action action, bool own) {
    const auto& op = resolve(store, ctx).op;
    if (!op)
        return setUpStationLogin(store);
    try {
        core::require(op->role, action, own);
    } catch (const Error& e) {
        throw Error(e.kind(), op->login + ": " + e.what());
    }
    return op->login;
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
