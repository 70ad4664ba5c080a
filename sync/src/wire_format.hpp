#pragma once
// The JSON of sync/openapi.yaml: outbox records to BatchRecord, answers to RegisterOutcome.
// Internal to sync (nlohmann::json stays behind this edge).
#include "scanstation/core/outbox.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace scanstation::sync::detail {

nlohmann::json toWire(const core::OutboxRecord& record);

// Parses a BatchResponse. Nothing when the text is not JSON or not the documented shape;
// `problem` then names what is wrong (JSON path).
std::optional<std::vector<core::RegisterOutcome>> parseOutcomes(const std::string& text, std::string& problem);

} // namespace scanstation::sync::detail
