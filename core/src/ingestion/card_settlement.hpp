#pragma once
// The step shared by recording and review: validate a card's current reading with the
// decisions taken so far and move the card on (accepted with its lesson records and outbox
// records, or needs_review with new review items, or rejected). Inside the caller's transaction.
#include "scanstation/core/card_validation.hpp"

#include <cstdint>
#include <string>

namespace scanstation::core {

class Store;

enum class Settlement { Accepted, NeedsReview, Rejected };

struct SettleResult {
    Settlement settlement = Settlement::NeedsReview;
    ValidationResult validation;
};

SettleResult settleReading(Store& store, const std::string& actor, std::int64_t readingId,
                           const ValidationRules& rules, const std::string& reason);

} // namespace scanstation::core
