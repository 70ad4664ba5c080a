#pragma once
// Classification council locks (DOMAIN.md, 004 ch. 5 §6): the administrator locks entering and
// editing grades and attendance of a class for a period; cards of a locked class and date are
// held for an administrator. A temporary unlock happens only on the director's explicit order,
// so unlocking records who ordered it. Both are audited.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct PeriodLock {
    std::int64_t id = 0;
    std::string classCode;
    Date first;
    Date last; // inclusive
    std::string reason;
    std::string lockedBy;
    TimePoint lockedAt;
    std::optional<std::string> unlockedBy;
    std::optional<std::string> unlockOrderedBy; // e.g. the director's name
    std::string unlockReason;
    std::optional<TimePoint> unlockedAt;

    bool active() const { return !unlockedAt.has_value(); }
};

class PeriodLocks {
public:
    explicit PeriodLocks(Store& store) : m_store(store) {}

    // Requires the LockPeriod permission. Error{NotFound} for an unknown class code,
    // Error{BadInput} when last < first.
    PeriodLock lock(const std::string& actor, const std::string& classCode, const Date& first, const Date& last,
                    const std::string& reason);
    // Requires UnlockPeriod; `orderedBy` (who ordered the unlock) is required.
    PeriodLock unlock(const std::string& actor, std::int64_t lockId, const std::string& orderedBy,
                      const std::string& reason);

    std::optional<PeriodLock> activeLock(const std::string& classCode, const Date& date) const;
    std::vector<PeriodLock> list() const;

private:
    Store& m_store;
};

} // namespace scanstation::core
