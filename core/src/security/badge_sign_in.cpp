// Sign-in by badge (operator_badges.hpp). Refusals are committed (counted, audited) before the
// error is thrown, as for a wrong password (accounts.cpp).
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/store.hpp"
#include "security/badge_token.hpp"
#include "security/credentials.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

using namespace security;

namespace {

constexpr const char* kWhat = "badge sign-in";

// Audits a refusal that names no countable account, commits it and throws.
[[noreturn]] void refuse(Store& store, Transaction& tx, const std::string& login,
                         const std::string& why) {
    const std::string shown = login.empty() ? "(badge)" : login;
    AuditLog(store).append(shown, "account.signin_failed", "operator:" + shown,
                           std::string(kWhat) + ": " + why);
    tx.commit();
    throw Error(ErrorKind::PermissionDenied, std::string(kWhat) + " failed: " + why);
}

// Counts the failure toward the lockout (like a wrong password), commits it and throws.
[[noreturn]] void refuseCounted(Store& store, Transaction& tx, Credentials& cred, TimePoint now,
                                const std::string& why) {
    const auto message = recordFailure(store, cred, now, kWhat, why);
    tx.commit();
    throw Error(ErrorKind::PermissionDenied, message);
}

std::string changeReasonOf(const Credentials& cred, TimePoint now) {
    if (cred.mustChange)
        return "the password was set by an administrator and is one-time";
    if (now - cred.changedAt >= PasswordPolicy::kMaxAge)
        return "the password is older than 30 days";
    return {};
}

std::string startSession(Store& store, const std::string& login, TimePoint now) {
    auto token = newSessionToken();
    store.database()
        .prepare("INSERT INTO operator_sessions (token_sha256, login, started_at_ms, "
                 "last_activity_ms) VALUES (?, ?, ?, ?)")
        .bind(1, sessionDigest(token))
        .bind(2, login)
        .bind(3, toUnixMs(now))
        .bind(4, toUnixMs(now))
        .run();
    return token;
}

} // namespace

SignInResult OperatorBadges::signIn(std::string_view token) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    const auto parsed = parseBadgeToken(token, m_key);
    const auto op =
        parsed.login.empty() ? std::nullopt : OperatorDirectory(m_store).find(parsed.login);
    auto cred = op ? loadCredentials(m_store, parsed.login) : std::nullopt;
    // A damaged or forged code naming no account: an unknown login is not recorded as one.
    if (!parsed.problem.empty() && !cred)
        refuse(m_store, tx, op ? parsed.login : "", parsed.problem);
    if (!op || !cred || !op->active)
        refuse(m_store, tx, parsed.login,
               !op     ? "unknown login"
               : !cred ? "no password set"
                       : "account deactivated");
    if (applyLock(m_store, *cred, now)) {
        AuditLog(m_store).append(op->login, "account.signin_refused", "operator:" + op->login,
                                 "badge; locked until " + formatUtc(*cred->lockedUntil));
        tx.commit();
        throw Error(ErrorKind::PermissionDenied,
                    "the account '" + op->login + "' is locked until " +
                        formatUtc(*cred->lockedUntil) + "; an administrator can unlock it");
    }
    if (!parsed.problem.empty())
        refuseCounted(m_store, tx, *cred, now, parsed.problem);
    const auto badge = active(op->login);
    if (!badge || badge->badgeId != parsed.badgeId)
        refuseCounted(m_store, tx, *cred, now,
                      "the badge was revoked (a newer one was issued, or none is valid)");

    SignInResult result;
    result.op = *op;
    if (const auto reason = changeReasonOf(*cred, now); !reason.empty()) {
        tx.commit(); // keeps an automatic unlock, counts nothing
        result.status = SignInStatus::PasswordChangeRequired;
        result.changeReason = reason + "; sign in with the password to change it";
        return result;
    }
    result.previousSuccess = cred->lastSuccess;
    result.previousFailure = cred->lastFailure;
    result.failedAttemptsSincePreviousSuccess = cred->failedAttempts;
    cred->lastSuccess = now;
    cred->failedAttempts = 0;
    saveCredentials(m_store, *cred);
    result.sessionToken = startSession(m_store, op->login, now);
    AuditLog(m_store).append(op->login, "account.signin", "operator:" + op->login,
                             "role " + toString(op->role) + ", by badge " +
                                 badge->badgeId.substr(0, 6));
    tx.commit();
    return result;
}

} // namespace scanstation::core
