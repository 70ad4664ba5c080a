#include "sha256.hpp"

#include <sodium.h>

namespace scanstation::core {

std::string sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

void appendCanonical(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out.append(field);
    out += ';';
}

} // namespace scanstation::core
