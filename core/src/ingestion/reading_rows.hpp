#pragma once
// Rows of card_readings, reading_fields and review_items: how a CardReading and its findings
// are kept in the store (internal to core).
#include "scanstation/core/card_reading.hpp"
#include "scanstation/core/card_validation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

namespace sql {
class Database;
}

struct StoredReading {
    std::int64_t id = 0;
    std::optional<std::string> serial;
    std::string outcome;
    bool isCurrent = false;
    std::int64_t recordedAtMs = 0;
    std::string recordedBy;
    CardReading reading;
};

struct NewReading {
    const CardReading* reading = nullptr;
    std::optional<std::string> serial;
    std::string outcome; // accepted | needs_review | rejected | not_a_card | duplicate_card
    bool isCurrent = false;
    std::string actor;
    std::int64_t atMs = 0;
};

std::int64_t insertReading(sql::Database& db, const NewReading& row);
void setReadingOutcome(sql::Database& db, std::int64_t readingId, const std::string& outcome);
std::optional<StoredReading> loadReading(sql::Database& db, std::int64_t readingId);
std::optional<std::int64_t> readingIdOfPage(sql::Database& db, const std::string& pageHash);
std::optional<std::int64_t> currentReadingId(sql::Database& db, const std::string& serial);

// Adds one open review item per finding; returns how many.
int insertReviewItems(sql::Database& db, std::int64_t readingId, const std::optional<std::string>& serial,
                      const std::vector<Finding>& findings, std::int64_t atMs);
int openItemCount(sql::Database& db, std::int64_t readingId);
// Closes the open items of a reading with a state ('superseded', 'rejected') and a why.
void closeOpenItems(sql::Database& db, std::int64_t readingId, const std::string& state, const std::string& actor,
                    const std::string& why, std::int64_t atMs);

// The decisions people took on a reading's resolved items.
ReviewDecisions decisionsOf(sql::Database& db, std::int64_t readingId);

// "code\tfield\tmessage" lines for the issues column, and back.
std::string encodeIssues(const std::vector<ReadingIssue>& issues);
std::vector<ReadingIssue> decodeIssues(const std::string& text);

} // namespace scanstation::core
