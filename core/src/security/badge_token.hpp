#pragma once
// The text of an operator badge's code (operator_badges.hpp): "SSB1|login|badge id|MAC".
// Internal to core.
#include "scanstation/core/key_store.hpp"

#include <string>
#include <string_view>

namespace scanstation::core::security {

inline constexpr std::string_view kBadgePrefix = "SSB1|";

std::string encodeBadgeToken(const std::string& login, const std::string& badgeId,
                             const SecretKey& key);

struct ParsedBadgeToken {
    std::string login;
    std::string badgeId;
    std::string problem; // empty when the token has the badge form
    bool macValid = false;
};

// Never throws: a token comes from paper and may be damaged or forged.
ParsedBadgeToken parseBadgeToken(std::string_view token, const SecretKey& key);

// A new random badge id (base32 of 16 bytes).
std::string newBadgeId();

} // namespace scanstation::core::security
