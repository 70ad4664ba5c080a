#pragma once
// Who acts on the command line. A command that changes data acts as a signed-in operator,
// never as whoever `--operator LOGIN` claims (docs/SECURITY.md "Operators on the command line"):
//  - `scanstation operator login LOGIN` (password on stdin) opens a session in the store and
//    keeps its token in a private file (mode 0600, owned by the user): $SCANSTATION_SESSION_FILE,
//    else $XDG_RUNTIME_DIR/scanstation-session-<data dir digest>, else the same name in $HOME.
//    The store keeps only the token's digest; the session ends at `operator logout` or after
//    45 minutes without a command (the kiosk's idle limit). A session file that others may
//    read or write, or that is not a plain file of this user, is refused.
//  - `--operator LOGIN` (or $SCANSTATION_OPERATOR) only names who the caller expects to be
//    signed in: without a session it is refused (exit 5), with another operator's it is too.
//  - Scripts: `--operator LOGIN --password-stdin` signs LOGIN in for this one command with the
//    password on the first line of stdin, and out again when the command ends.
//  - Before any operator has a password (a station being set up), commands act as "station".
// Every sign-in, sign-out, failed attempt and automatic sign-out is in the audit chain
// (core::Accounts), exactly as for the kiosk.
#include "cli_context.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/permissions.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::cli {

// The command line whose --operator/--password-stdin decide who acts (set once, by
// addOperatorCommands); without it, only the session file counts.
void useCommandLine(const CliContext& ctx);

std::filesystem::path sessionFile(const std::filesystem::path& dataDir);
void saveSessionToken(const std::filesystem::path& dataDir, const std::string& token);
// nullopt when there is no session file. Throws Error{PermissionDenied} when the file is not a
// plain file owned by this user with mode 0600 (or stricter).
std::optional<std::string> loadSessionToken(const std::filesystem::path& dataDir);
void forgetSessionToken(const std::filesystem::path& dataDir);

// The signed-in operator (refreshing the session). Throws Error{PermissionDenied} when nobody
// is signed in, the session ended, or --operator names someone else.
core::Operator signedInOperator(core::Store& store);
// The signed-in operator when there is a session, --operator or --password-stdin; nullopt when
// there is none of them. Errors as signedInOperator.
std::optional<core::Operator> optionalSignedInOperator(core::Store& store);
// The login a changing command records: the signed-in operator's, else "station" while no
// operator has a password yet; else Error{PermissionDenied} (nobody is signed in).
std::string actingLogin(const CliContext& ctx);

// The login of whoever may do `action` in this command, for commands whose core step does not
// check the role itself (keys, roster and timetable imports, sync, printing): the signed-in
// operator when core's permission matrix allows `action` to their role (`own`: the lessons or
// class concerned are the operator's own), else Error{PermissionDenied} (exit 5) naming role
// and action. While no operator has a password yet (a station being set up) it is "station".
// The command records this login in its audit entry.
std::string authorizedLogin(core::Store& store, const CliContext& ctx, core::Action action, bool own = false);

// One line of standard input without its line end; a secret is read without echo when standard
// input is a terminal (the prompt goes to stderr). Throws Error{BadInput} at end of input.
std::string readSecretLine(const std::string& prompt);

} // namespace scanstation::cli
