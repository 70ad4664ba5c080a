#pragma once
// The append-only, hash-chained audit log. Every change to roster, cards and operators
// appends an entry in the same transaction as the change. Each entry carries
//   hash = SHA-256(canonical(seq, time, actor, action, subject, details) || previous hash)
// (hex; the first entry's previous hash is 64 zeros), and the store keeps the chain's head
// (last seq and hash) in a separate row, so that changed, removed, inserted and truncated
// entries are all detected by verify(). Triggers refuse UPDATE and DELETE on the log.
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct AuditEntry {
    std::int64_t seq = 0;  // 1, 2, 3, ... without gaps
    TimePoint at;          // UTC, millisecond precision
    std::string actor;     // operator login
    std::string action;    // dotted verb, e.g. "roster.import", "card.transition", "operator.add"
    std::string subject;   // what the action was about, e.g. "pupil:P0001", "card:00000042"
    std::string details;   // human-readable, may be empty
    std::string prevHash;  // hex
    std::string hash;      // hex
};

struct AuditVerification {
    bool ok = true;
    std::int64_t entriesChecked = 0;
    std::optional<std::int64_t> firstBadSeq; // the first entry changed, removed or inserted
    std::string problem;                     // names the entry and what is wrong with it
};

struct AuditQuery {
    std::optional<std::int64_t> afterSeq; // entries with seq > afterSeq
    std::optional<std::string> actor;
    std::optional<std::string> actionPrefix; // e.g. "card."
    std::optional<std::string> subject;
    int limit = 1000;
};

class AuditLog {
public:
    explicit AuditLog(Store& store) : m_store(store) {}

    // Appends one entry inside the caller's transaction (opens a nested one when called alone).
    std::int64_t append(const std::string& actor, const std::string& action,
                        const std::string& subject, const std::string& details);

    std::vector<AuditEntry> list(const AuditQuery& query = {}) const;
    AuditVerification verify() const;

    // SHA-256 hex of one entry's canonical content and its previous hash (what verify checks).
    static std::string entryHash(const AuditEntry& entry);

private:
    Store& m_store;
};

} // namespace scanstation::core
