#pragma once
// Operator badges (issue 8 "Sign-in"): a printed card with a QR code that signs its operator in
// when shown to the station's scanner or camera. docs/SECURITY.md "Operator badges" gives the
// reasons for the choices below.
//
// Token (what the QR code carries, ASCII):  SSB1|<login>|<badge id>|<MAC>
//   badge id = base32 of 16 random bytes (26 characters), new at every issue;
//   MAC      = the first 16 bytes of HMAC-SHA256(badge key, "SSB1|<login>|<badge id>"), base32.
// The badge key is derived (crypto_kdf, context "ssbadge1") from the key directory's data key,
// so it never lies beside the data, and a copy of the store cannot make badges. The token holds
// no password and nothing derived from one.
//
// The store keeps the ACTIVE badge id of each operator: issuing a new badge revokes the old one,
// `revoke` leaves none. A badge signs in only an active operator with a password (the password
// rules still govern the account), never a locked one. A forged, altered or revoked badge counts
// as a wrong password toward the lockout. When the password is due for a change (one-time, or
// older than 30 days) a badge does not sign in: the operator signs in with the password and
// changes it, so a badge can never be used to set a password. Every attempt is audited.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/clock.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/operators.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {

class Store;

// The badge MAC key, derived from the key directory's data key.
SecretKey deriveBadgeKey(const SecretKey& dataKey);

// True when `text` has the form of a badge token (its prefix); says nothing of its validity.
bool looksLikeBadgeToken(std::string_view text);

struct IssuedBadge {
    Operator op;
    std::string badgeId;
    std::string token; // for the printed code only: whoever holds it can sign in
    TimePoint issuedAt;
};

struct ActiveBadge {
    std::string badgeId;
    TimePoint issuedAt;
    std::string issuedBy;
};

class OperatorBadges {
public:
    OperatorBadges(Store& store, const SecretKey& badgeKey) : m_store(store), m_key(badgeKey) {}

    // A new badge for `login`, revoking the previous one (audited "account.badge_issued").
    // `actor` must be an administrator (Action::ManageOperators). Error{NotFound} for an unknown
    // login, Error{Conflict} for a deactivated operator or one without a password yet.
    IssuedBadge issue(const Operator& actor, const std::string& login);

    // Revokes the operator's badge, if any ("account.badge_revoked"). Administrator only.
    void revoke(const Operator& actor, const std::string& login);

    std::optional<ActiveBadge> active(const std::string& login) const;

    // Signs in with a badge token, as Accounts::signIn does with a password: a session, the
    // previous sign-ins, "account.signin" in the audit chain. Returns PasswordChangeRequired
    // (without a session) when the password must change first. Throws Error{PermissionDenied}
    // (committed and audited first) for a malformed, forged or revoked badge, an unknown or
    // deactivated operator, or a locked account.
    SignInResult signIn(std::string_view token);

private:
    Store& m_store;
    SecretKey m_key;
};

} // namespace scanstation::core
