#include "security/credentials.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/store.hpp"
#include "sha256.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <sodium.h>

namespace scanstation::core::security {

namespace {

std::optional<TimePoint> optionalTime(const sql::Statement& st, int column) {
    if (st.isNull(column))
        return std::nullopt;
    return fromUnixMs(st.getInt(column));
}

std::optional<std::int64_t> optionalMs(const std::optional<TimePoint>& t) {
    if (!t)
        return std::nullopt;
    return toUnixMs(*t);
}

} // namespace

std::optional<Credentials> loadCredentials(Store& store, const std::string& login) {
    auto st = store.database().prepare(
        "SELECT password_hash, must_change, changed_at_ms, failed_attempts, locked_until_ms, last_success_ms, "
        "last_failure_ms FROM operator_credentials WHERE login = ?");
    st.bind(1, login);
    if (!st.step())
        return std::nullopt;
    Credentials c;
    c.login = login;
    c.passwordHash = st.getText(0);
    c.mustChange = st.getInt(1) != 0;
    c.changedAt = fromUnixMs(st.getInt(2));
    c.failedAttempts = static_cast<int>(st.getInt(3));
    c.lockedUntil = optionalTime(st, 4);
    c.lastSuccess = optionalTime(st, 5);
    c.lastFailure = optionalTime(st, 6);
    return c;
}

void saveCredentials(Store& store, const Credentials& c) {
    store.database()
        .prepare("INSERT OR REPLACE INTO operator_credentials (login, password_hash, must_change, changed_at_ms, "
                 "failed_attempts, locked_until_ms, last_success_ms, last_failure_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, c.login)
        .bind(2, c.passwordHash)
        .bind(3, c.mustChange ? 1 : 0)
        .bind(4, toUnixMs(c.changedAt))
        .bind(5, c.failedAttempts)
        .bind(6, optionalMs(c.lockedUntil))
        .bind(7, optionalMs(c.lastSuccess))
        .bind(8, optionalMs(c.lastFailure))
        .run();
}

bool applyLock(Store& store, Credentials& cred, TimePoint now) {
    if (!cred.lockedUntil)
        return false;
    if (now < *cred.lockedUntil)
        return true;
    const auto until = *cred.lockedUntil;
    cred.lockedUntil.reset();
    cred.failedAttempts = 0;
    saveCredentials(store, cred);
    AuditLog(store).append("station", "account.unlock", "operator:" + cred.login,
                           "automatic: the lock ended at " + formatUtc(until));
    return false;
}

std::string recordFailure(Store& store, Credentials& cred, TimePoint now, const std::string& what,
                          const std::string& problem) {
    cred.failedAttempts += 1;
    cred.lastFailure = now;
    const int left = PasswordPolicy::kMaxFailedAttempts - cred.failedAttempts;
    AuditLog(store).append(cred.login, "account.signin_failed", "operator:" + cred.login,
                           what + ": " + problem + ", attempt " + std::to_string(cred.failedAttempts) + " of " +
                               std::to_string(PasswordPolicy::kMaxFailedAttempts));
    std::string message = what + " failed for '" + cred.login + "': " + problem;
    if (left <= 0) {
        cred.lockedUntil = now + PasswordPolicy::kLockDuration;
        AuditLog(store).append("station", "account.lock", "operator:" + cred.login,
                               std::to_string(cred.failedAttempts) + " wrong passwords; locked until " +
                                   formatUtc(*cred.lockedUntil));
        message += "; the account is now locked until " + formatUtc(*cred.lockedUntil) +
                   " (an administrator can unlock it earlier)";
    } else {
        message += " (" + std::to_string(left) + " more wrong attempts lock the account for 24 hours)";
    }
    saveCredentials(store, cred);
    return message;
}

void endSessions(Store& store, const std::string& login, const std::string& reason, TimePoint now) {
    store.database()
        .prepare("UPDATE operator_sessions SET ended_at_ms = ?, end_reason = ? WHERE login = ? AND ended_at_ms IS NULL")
        .bind(1, toUnixMs(now))
        .bind(2, reason)
        .bind(3, login)
        .run();
}

std::string newSessionToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::string sessionDigest(const std::string& token) {
    return sha256Hex("scanstation-session;" + token);
}

} // namespace scanstation::core::security
