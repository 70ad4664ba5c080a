#pragma once
// Internal to core: the outbox files and ReviewQueue call these for register refusals
// (scanstation/core/sync_review.hpp describes the decisions).
#include "scanstation/core/outbox.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/sync_review.hpp"

#include <optional>
#include <string>

namespace scanstation::core {

// Inside applyOutcomes' transaction, before the outbox row leaves: keeps the record's content,
// stores the refusal and opens its review item (when the card has a reading), audited.
void recordRegisterRefusal(Store& store, const RegisterOutcome& outcome, const std::string& serial,
                           const std::string& sentValue, const std::string& batchKey);

// ReviewQueue::resolve for a register refusal; permissions are checked by the caller.
ResolveOutcome settleRegisterRefusal(Store& store, const std::string& actor, const ReviewItem& item,
                                     const std::optional<std::string>& value, const std::string& why);

// ReviewQueue::reject: withdraws the card's open refusals (administrator only). No-op when none.
void rejectRegisterRefusals(Store& store, const std::string& actor, const std::string& serial, const std::string& why);

} // namespace scanstation::core
