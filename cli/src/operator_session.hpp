#pragma once
// Who is signed in to the command-line tool. `scanstation operator login` keeps the session
// token in a private file (mode 0600): $SCANSTATION_SESSION_FILE, else
// $XDG_RUNTIME_DIR/scanstation-session, else ~/.scanstation-session. The store keeps only its
// digest; the session ends at `operator logout` or after 45 minutes without a command.
#include "cli_context.hpp"
#include "scanstation/core/operators.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::cli {

std::filesystem::path sessionFile();
void saveSessionToken(const std::string& token);
std::optional<std::string> loadSessionToken();
void forgetSessionToken();

// The signed-in operator (refreshing the session). Throws Error{PermissionDenied} when nobody
// is signed in or the session ended.
core::Operator signedInOperator(core::Store& store);
// The signed-in operator when there is one; no error otherwise.
std::optional<core::Operator> optionalSignedInOperator(core::Store& store);

// One line of standard input without its line end; a secret is read without echo when standard
// input is a terminal (the prompt goes to stderr). Throws Error{BadInput} at end of input.
std::string readSecretLine(const std::string& prompt);

} // namespace scanstation::cli
