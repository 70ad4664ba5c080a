#pragma once
// Rows of operator_credentials and operator_sessions (migration 0004), internal to core.
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::core::security {

struct Credentials {
    std::string login;
    std::string passwordHash;
    bool mustChange = false;
    TimePoint changedAt;
    int failedAttempts = 0;
    std::optional<TimePoint> lockedUntil;
    std::optional<TimePoint> lastSuccess;
    std::optional<TimePoint> lastFailure;
};

std::optional<Credentials> loadCredentials(Store& store, const std::string& login);
// Inserts or replaces the whole row.
void saveCredentials(Store& store, const Credentials& cred);

// Lifts a lock whose 24 hours are over (audited as an automatic unlock). Returns true when
// the account is still locked at `now`.
bool applyLock(Store& store, Credentials& cred, TimePoint now);

// Records one wrong password (or another failed proof, named by `problem`, e.g. a revoked
// badge): counts it, locks at the 10th and audits both. Returns the message for the operator.
std::string recordFailure(Store& store, Credentials& cred, TimePoint now, const std::string& what,
                          const std::string& problem = "wrong password");

// Ends every live session of `login` (password reset, deactivation).
void endSessions(Store& store, const std::string& login, const std::string& reason, TimePoint now);

// A new random session token (hex of 32 random bytes) and the digest stored for it.
std::string newSessionToken();
std::string sessionDigest(const std::string& token);

} // namespace scanstation::core::security
