#pragma once
// Shared by the ingestion commands (scan, review, custody, shred, deadlines): who acts, and
// the recogniser assembled from the shipped templates and the station's key.
#include "cli_context.hpp"

#include <memory>
#include <string>

namespace scanstation::core {
class Store;
}
namespace scanstation::scanner {
class Recognizer;
}

namespace scanstation::cli {

// The signed-in operator (`scanstation operator login`), else --operator / $SCANSTATION_OPERATOR,
// else "station". The core checks the permission of whoever this is.
std::string actingLogin(core::Store& store, const CliContext& ctx);

// The recogniser for this station: every shipped template, identity codes verified with the
// station key (DATA/station.key) and the roster's school.
std::unique_ptr<scanner::Recognizer> stationRecognizer(core::Store& store);

// JSON string literal of `text` (quotes and escapes).
std::string jsonString(const std::string& text);

} // namespace scanstation::cli
