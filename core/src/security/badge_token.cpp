#include "security/badge_token.hpp"

#include "identity_codec.hpp"
#include "scanstation/core/error.hpp"

#include <algorithm>
#include <sodium.h>

namespace scanstation::core::security {

namespace {

constexpr std::size_t kIdBytes = 16;
constexpr std::size_t kMacBytes = 16;
constexpr std::size_t kBase32Of16 = 26;
constexpr std::size_t kMaxToken = 200; // a login is at most a few dozen characters

void initSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
}

std::string macOf(std::string_view signedText, const SecretKey& key) {
    initSodium();
    unsigned char full[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), SecretKey::kSize);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signedText.data()),
                                  signedText.size());
    crypto_auth_hmacsha256_final(&state, full);
    return identity_codec::base32(full, kMacBytes);
}

bool isLoginChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool isBase32(std::string_view s) {
    return s.size() == kBase32Of16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
           });
}

} // namespace

std::string encodeBadgeToken(const std::string& login, const std::string& badgeId,
                             const SecretKey& key) {
    const std::string signedText = std::string(kBadgePrefix) + login + "|" + badgeId;
    return signedText + "|" + macOf(signedText, key);
}

ParsedBadgeToken parseBadgeToken(std::string_view token, const SecretKey& key) {
    ParsedBadgeToken p;
    if (token.size() > kMaxToken || token.substr(0, kBadgePrefix.size()) != kBadgePrefix) {
        p.problem = "not a ScanStation operator badge";
        return p;
    }
    const auto f = identity_codec::split(token, '|');
    if (f.size() != 4 || f[1].empty() || f[1].size() > 64 ||
        !std::all_of(f[1].begin(), f[1].end(), isLoginChar) || !isBase32(f[2]) || !isBase32(f[3])) {
        p.problem = "a damaged operator badge (expected SSB1|login|badge id|signature)";
        return p;
    }
    p.login = std::string(f[1]);
    p.badgeId = std::string(f[2]);
    const std::string expected = macOf(token.substr(0, token.size() - f[3].size() - 1), key);
    p.macValid = sodium_memcmp(expected.data(), f[3].data(), expected.size()) == 0;
    if (!p.macValid)
        p.problem =
            "the badge's signature does not verify: forged, altered, or made by another station";
    return p;
}

std::string newBadgeId() {
    initSodium();
    unsigned char bytes[kIdBytes];
    randombytes_buf(bytes, sizeof bytes);
    return identity_codec::base32(bytes, sizeof bytes);
}

} // namespace scanstation::core::security
