#pragma once
// SHA-256 (libsodium) as lowercase hex.
#include <string>
#include <string_view>

namespace scanstation::core {

std::string sha256Hex(std::string_view data);

// Appends a field to a canonical byte string: decimal length, ':', bytes, ';'. Unambiguous for
// any content, so two different field lists never hash the same text.
void appendCanonical(std::string& out, std::string_view field);

} // namespace scanstation::core
