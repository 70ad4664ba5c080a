// What administrators do to accounts: one-time passwords, unlocking; and reading their state.
#include "scanstation/core/accounts.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/store.hpp"
#include "security/credentials.hpp"
#include "security/password_hash.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

using namespace security;

namespace {

Operator existingOperator(Store& store, const std::string& login) {
    auto op = OperatorDirectory(store).find(login);
    if (!op)
        throw Error(ErrorKind::NotFound, "no operator '" + login + "'");
    return *op;
}

} // namespace

bool Accounts::anyPasswordSet() const {
    auto st = m_store.database().prepare("SELECT EXISTS (SELECT 1 FROM operator_credentials)");
    st.step();
    return st.getInt(0) != 0;
}

void Accounts::setOneTimePassword(const std::optional<Operator>& actor, const std::string& login,
                                  const std::string& password) {
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    const Operator target = existingOperator(m_store, login);
    std::string actorLogin;
    if (anyPasswordSet()) {
        if (!actor)
            throw Error(ErrorKind::PermissionDenied, "setting a password for '" + login + "' needs a signed-in administrator");
        require(actor->role, Action::ManageOperators);
        actorLogin = actor->login;
    } else if (target.role != Role::Administrator) {
        // Bootstrap: the station's first password goes to an administrator, who then adds the rest.
        throw Error(ErrorKind::PermissionDenied, "the station has no administrator with a password yet; set the "
                                                 "first password for an administrator");
    } else {
        actorLogin = actor ? actor->login : login;
    }
    checkPasswordPolicy(password);
    Credentials cred = loadCredentials(m_store, login).value_or(Credentials{});
    cred.login = login;
    cred.passwordHash = hashPassword(password, m_cost);
    cred.mustChange = true;
    cred.changedAt = now;
    cred.failedAttempts = 0;
    cred.lockedUntil.reset();
    saveCredentials(m_store, cred);
    endSessions(m_store, login, "password reset", now);
    AuditLog(m_store).append(actorLogin, "account.password_set", "operator:" + login,
                             "one-time password set; must be changed at the next sign-in");
    tx.commit();
}

void Accounts::unlock(const Operator& actor, const std::string& login) {
    require(actor.role, Action::ManageOperators);
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    existingOperator(m_store, login);
    auto cred = loadCredentials(m_store, login);
    if (!cred || !applyLock(m_store, *cred, now))
        throw Error(ErrorKind::Conflict, "the account '" + login + "' is not locked");
    const auto until = *cred->lockedUntil;
    cred->lockedUntil.reset();
    cred->failedAttempts = 0;
    saveCredentials(m_store, *cred);
    AuditLog(m_store).append(actor.login, "account.unlock", "operator:" + login,
                             "by an administrator before the lock's end at " + formatUtc(until));
    tx.commit();
}

AccountStatus Accounts::status(const std::string& login) const {
    existingOperator(m_store, login);
    AccountStatus s;
    s.login = login;
    const auto cred = loadCredentials(m_store, login);
    if (!cred)
        return s;
    const auto now = m_store.clock().now();
    s.hasPassword = true;
    s.mustChangePassword = cred->mustChange || now - cred->changedAt >= PasswordPolicy::kMaxAge;
    s.passwordChangedAt = cred->changedAt;
    s.failedAttempts = cred->failedAttempts;
    if (cred->lockedUntil && now < *cred->lockedUntil)
        s.lockedUntil = cred->lockedUntil;
    else if (cred->lockedUntil)
        s.failedAttempts = 0;
    s.lastSuccess = cred->lastSuccess;
    s.lastFailure = cred->lastFailure;
    return s;
}

} // namespace scanstation::core
