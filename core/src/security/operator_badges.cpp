// Issuing and revoking operator badges, and the badge key (operator_badges.hpp).
#include "scanstation/core/operator_badges.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/store.hpp"
#include "security/badge_token.hpp"
#include "security/credentials.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <sodium.h>

namespace scanstation::core {

using namespace security;

SecretKey deriveBadgeKey(const SecretKey& dataKey) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    std::array<std::uint8_t, SecretKey::kSize> bytes{};
    // Subkey 1 of context "ssbadge1": apart from the store's ("ssstore1") and the vault's keys.
    crypto_kdf_derive_from_key(bytes.data(), bytes.size(), 1, "ssbadge1", dataKey.data());
    SecretKey key(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

bool looksLikeBadgeToken(std::string_view text) {
    return text.substr(0, kBadgePrefix.size()) == kBadgePrefix;
}

IssuedBadge OperatorBadges::issue(const Operator& actor, const std::string& login) {
    require(actor.role, Action::ManageOperators);
    const auto now = m_store.clock().now();
    Transaction tx(m_store);
    const auto op = OperatorDirectory(m_store).find(login);
    if (!op)
        throw Error(ErrorKind::NotFound, "no operator '" + login + "'");
    if (!op->active)
        throw Error(ErrorKind::Conflict, "the operator '" + login + "' is deactivated: no badge");
    if (!loadCredentials(m_store, login))
        throw Error(ErrorKind::Conflict,
                    "the operator '" + login + "' has no password yet: set one before a badge");
    const bool replaces = active(login).has_value();
    IssuedBadge badge{*op, newBadgeId(), {}, now};
    badge.token = encodeBadgeToken(login, badge.badgeId, m_key);
    m_store.database()
        .prepare("INSERT OR REPLACE INTO operator_badges (login, badge_id, issued_at_ms, "
                 "issued_by) VALUES (?, ?, ?, ?)")
        .bind(1, login)
        .bind(2, badge.badgeId)
        .bind(3, toUnixMs(now))
        .bind(4, actor.login)
        .run();
    // The id's first characters only: enough to tell badges apart, useless for making one.
    AuditLog(m_store).append(actor.login, "account.badge_issued", "operator:" + login,
                             "badge " + badge.badgeId.substr(0, 6) +
                                 (replaces ? "; the previous badge is revoked" : ""));
    tx.commit();
    return badge;
}

void OperatorBadges::revoke(const Operator& actor, const std::string& login) {
    require(actor.role, Action::ManageOperators);
    Transaction tx(m_store);
    const auto current = active(login);
    if (!current)
        return;
    m_store.database().prepare("DELETE FROM operator_badges WHERE login = ?").bind(1, login).run();
    AuditLog(m_store).append(actor.login, "account.badge_revoked", "operator:" + login,
                             "badge " + current->badgeId.substr(0, 6));
    tx.commit();
}

std::optional<ActiveBadge> OperatorBadges::active(const std::string& login) const {
    auto st = m_store.database().prepare(
        "SELECT badge_id, issued_at_ms, issued_by FROM operator_badges WHERE login = ?");
    st.bind(1, login);
    if (!st.step())
        return std::nullopt;
    return ActiveBadge{st.getText(0), fromUnixMs(st.getInt(1)), st.getText(2)};
}

} // namespace scanstation::core
