// Sign-in, sessions and password changes. Failed attempts are committed before the error is
// thrown, so that a wrong password is counted (and audited) even though the call fails.
#include "scanstation/core/accounts.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/store.hpp"
#include "security/credentials.hpp"
#include "security/password_hash.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

using namespace security;

namespace {

std::string changeReason(const Credentials& cred, TimePoint now) {
    if (cred.mustChange)
        return "the password was set by an administrator and is one-time";
    if (now - cred.changedAt >= PasswordPolicy::kMaxAge)
        return "the password is older than 30 days";
    return {};
}

void replacePassword(Store& store, PasswordHashCost cost, Credentials& cred, const std::string& newPassword,
                     TimePoint now, const std::string& why) {
    checkPasswordPolicy(newPassword);
    if (verifyPassword(cred.passwordHash, newPassword))
        throw Error(ErrorKind::BadInput, "the new password must differ from the old one");
    cred.passwordHash = hashPassword(newPassword, cost);
    cred.mustChange = false;
    cred.changedAt = now;
    saveCredentials(store, cred);
    AuditLog(store).append(cred.login, "account.password_change", "operator:" + cred.login, why);
}

[[noreturn]] void refuseLocked(const Credentials& cred) {
    throw Error(ErrorKind::PermissionDenied, "the account '" + cred.login + "' is locked until " +
                                                 formatUtc(*cred.lockedUntil) +
                                                 " after too many wrong passwords; an administrator can unlock it");
}

// The credentials of an active operator, or the (audited, committed) refusal.
Credentials signInTarget(Store& store, PasswordHashCost cost, Transaction& tx, const std::string& login,
                         const std::string& password) {
    const auto op = OperatorDirectory(store).find(login);
    auto cred = op ? loadCredentials(store, login) : std::nullopt;
    if (op && cred && op->active)
        return *cred;
    spendVerificationTime(password, cost);
    const std::string why = !op ? "unknown login" : !cred ? "no password set" : "account deactivated";
    // An unknown login is whatever was typed: bounded, so a pasted text cannot flood the log.
    const std::string shown = login.empty() ? "(empty)" : login.substr(0, 64);
    AuditLog(store).append(shown, "account.signin_failed", "operator:" + shown, why);
    tx.commit();
    throw Error(ErrorKind::PermissionDenied, "sign-in failed for '" + shown + "': unknown login, no password set "
                                             "or account deactivated");
}

} // namespace

SignInResult Accounts::signIn(const std::string& login, const std::string& password,
                              const std::optional<std::string>& newPassword) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    Credentials cred = signInTarget(m_store, m_cost, tx, login, password);
    if (applyLock(m_store, cred, now)) {
        AuditLog(m_store).append(login, "account.signin_refused", "operator:" + login,
                                 "locked until " + formatUtc(*cred.lockedUntil));
        tx.commit();
        refuseLocked(cred);
    }
    if (!verifyPassword(cred.passwordHash, password)) {
        const auto message = recordFailure(m_store, cred, now, "sign-in");
        tx.commit();
        throw Error(ErrorKind::PermissionDenied, message);
    }
    SignInResult result;
    result.op = *OperatorDirectory(m_store).find(login);
    const auto reason = changeReason(cred, now);
    if (!reason.empty()) {
        if (!newPassword) {
            tx.commit(); // keeps an automatic unlock, counts nothing
            result.status = SignInStatus::PasswordChangeRequired;
            result.changeReason = reason;
            return result;
        }
        replacePassword(m_store, m_cost, cred, *newPassword, now, "at sign-in: " + reason);
    }
    result.previousSuccess = cred.lastSuccess;
    result.previousFailure = cred.lastFailure;
    result.failedAttemptsSincePreviousSuccess = cred.failedAttempts;
    cred.lastSuccess = now;
    cred.failedAttempts = 0;
    saveCredentials(m_store, cred);
    result.sessionToken = newSessionToken();
    m_store.database()
        .prepare("INSERT INTO operator_sessions (token_sha256, login, started_at_ms, last_activity_ms) VALUES (?, ?, ?, ?)")
        .bind(1, sessionDigest(result.sessionToken))
        .bind(2, login)
        .bind(3, toUnixMs(now))
        .bind(4, toUnixMs(now))
        .run();
    AuditLog(m_store).append(login, "account.signin", "operator:" + login, "role " + toString(result.op.role));
    tx.commit();
    return result;
}

Operator Accounts::authenticate(const std::string& sessionToken) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    auto st = m_store.database().prepare(
        "SELECT login, last_activity_ms FROM operator_sessions WHERE token_sha256 = ? AND ended_at_ms IS NULL");
    st.bind(1, sessionDigest(sessionToken));
    if (!st.step())
        throw Error(ErrorKind::PermissionDenied, "not signed in: the session is unknown or has ended; sign in again");
    const std::string login = st.getText(0);
    const auto lastActivity = fromUnixMs(st.getInt(1));
    const auto op = OperatorDirectory(m_store).find(login);
    const bool idle = now - lastActivity > PasswordPolicy::kIdleSignOut;
    if (idle || !op || !op->active) {
        const std::string why = idle ? "automatic after 45 minutes without activity" : "account deactivated";
        endSessions(m_store, login, why, now);
        AuditLog(m_store).append(login, "account.signout", "operator:" + login, why);
        tx.commit();
        throw Error(ErrorKind::PermissionDenied, "signed out (" + why + "); sign in again");
    }
    m_store.database()
        .prepare("UPDATE operator_sessions SET last_activity_ms = ? WHERE token_sha256 = ?")
        .bind(1, toUnixMs(now))
        .bind(2, sessionDigest(sessionToken))
        .run();
    tx.commit();
    return *op;
}

void Accounts::signOut(const std::string& sessionToken) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    auto st = m_store.database().prepare(
        "SELECT login FROM operator_sessions WHERE token_sha256 = ? AND ended_at_ms IS NULL");
    st.bind(1, sessionDigest(sessionToken));
    if (!st.step())
        return;
    const std::string login = st.getText(0);
    m_store.database()
        .prepare("UPDATE operator_sessions SET ended_at_ms = ?, end_reason = 'signed out' WHERE token_sha256 = ?")
        .bind(1, toUnixMs(now))
        .bind(2, sessionDigest(sessionToken))
        .run();
    AuditLog(m_store).append(login, "account.signout", "operator:" + login, "signed out");
    tx.commit();
}

void Accounts::changePassword(const std::string& login, const std::string& oldPassword,
                              const std::string& newPassword) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    Credentials cred = signInTarget(m_store, m_cost, tx, login, oldPassword);
    if (applyLock(m_store, cred, now)) {
        tx.commit();
        refuseLocked(cred);
    }
    if (!verifyPassword(cred.passwordHash, oldPassword)) {
        const auto message = recordFailure(m_store, cred, now, "password change");
        tx.commit();
        throw Error(ErrorKind::PermissionDenied, message);
    }
    replacePassword(m_store, m_cost, cred, newPassword, now, "changed by the operator");
    tx.commit();
}

} // namespace scanstation::core
