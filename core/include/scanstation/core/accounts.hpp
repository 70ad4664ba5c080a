#pragma once
// Passwords, sign-in, lockout and sessions of the operators in OperatorDirectory
// (DOMAIN.md "People and their rights"; rules in password_policy.hpp).
//  - Passwords are stored only as libsodium Argon2id strings (crypto_pwhash_str), which carry
//    their own salt and cost parameters.
//  - A password set by an administrator (the first one, or a reset) is one-time: the next
//    sign-in must change it. A password older than 30 days must be changed too.
//  - 10 wrong passwords in a row lock the account for 24 hours; it unlocks by itself after
//    that, or earlier by an administrator.
//  - Each sign-in reports the previous successful and failed sign-in.
//  - Sessions end at sign-out or after 45 minutes without activity.
// Every sign-in, sign-out, failed attempt, lock, unlock and password change is appended to the
// audit chain (actions "account.*"), in the same transaction as the change it records.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/operators.hpp"

#include <optional>
#include <string>

namespace scanstation::core {

class Store;

struct AccountStatus {
    std::string login;
    bool hasPassword = false;
    bool mustChangePassword = false; // one-time password not yet replaced
    TimePoint passwordChangedAt;
    int failedAttempts = 0;                  // wrong passwords since the last success
    std::optional<TimePoint> lockedUntil;    // set while locked
    std::optional<TimePoint> lastSuccess;    // last successful sign-in
    std::optional<TimePoint> lastFailure;    // last wrong password
};

enum class SignInStatus {
    SignedIn,
    PasswordChangeRequired, // the password was right, but a new one must be given
};

struct SignInResult {
    SignInStatus status = SignInStatus::SignedIn;
    std::string changeReason;    // why a change is required ("one-time password", "older than 30 days")
    Operator op;
    std::string sessionToken;    // secret; empty unless signed in
    // Shown to the operator after sign-in (000 ch. II §14): the sign-ins before this one.
    std::optional<TimePoint> previousSuccess;
    std::optional<TimePoint> previousFailure;
    int failedAttemptsSincePreviousSuccess = 0;
};

// The Argon2id cost of new password hashes. Interactive (64 MiB, 2 passes, about 0.1-0.3 s)
// is the station's; Minimal exists only so that test suites stay fast. Verification always
// uses the cost stored in the hash itself.
enum class PasswordHashCost { Interactive, Minimal };

class Accounts {
public:
    // Uses the store's clock for every time decision.
    explicit Accounts(Store& store, PasswordHashCost cost = PasswordHashCost::Interactive)
        : m_store(store), m_cost(cost) {}

    // Sets a one-time password for `login` (first password or administrator reset); clears a
    // lock. `actor` must be an administrator, except when no operator has a password yet
    // (the station's very first administrator). Throws Error{BadInput} when the password
    // breaks the policy, Error{NotFound} for an unknown login, Error{PermissionDenied}.
    void setOneTimePassword(const std::optional<Operator>& actor, const std::string& login,
                            const std::string& password);

    // Signs in. When the password must change and `newPassword` is empty, returns
    // PasswordChangeRequired without a session (and without counting a failure); give the
    // new password to complete the sign-in. Throws Error{PermissionDenied} for a wrong
    // password, an unknown or inactive login or a locked account (saying until when), and
    // Error{BadInput} when the new password breaks the policy or equals the old one.
    SignInResult signIn(const std::string& login, const std::string& password,
                        const std::optional<std::string>& newPassword = std::nullopt);

    // The operator of a live session; refreshes its activity time. Throws
    // Error{PermissionDenied} for an unknown, ended or idle (> 45 min) session.
    Operator authenticate(const std::string& sessionToken);

    // Ends a session (no-op for an unknown or already ended one).
    void signOut(const std::string& sessionToken);

    // Changes the operator's own password; a wrong old password counts as a failed attempt.
    void changePassword(const std::string& login, const std::string& oldPassword, const std::string& newPassword);

    // Lifts a lock before it expires. `actor` must be an administrator.
    void unlock(const Operator& actor, const std::string& login);

    // Throws Error{NotFound} for an unknown login. Applies an expired lock's automatic unlock
    // only when reading it (lockedUntil is empty once the lock is over).
    AccountStatus status(const std::string& login) const;

    // True when at least one operator has a password (the station is no longer in bootstrap).
    bool anyPasswordSet() const;

private:
    Store& m_store;
    PasswordHashCost m_cost;
};

} // namespace scanstation::core
