#pragma once
// Text codecs of the card identity payload (internal to core): RFC 4648 base32 without
// padding, and percent-encoding of '%', '|' and bytes outside printable ASCII.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core::identity_codec {

std::string base32(const std::uint8_t* data, std::size_t size);
std::string percentEncode(std::string_view text);
std::optional<std::string> percentDecode(std::string_view text); // nothing for a bad escape

std::vector<std::string_view> split(std::string_view text, char separator);

} // namespace scanstation::core::identity_codec
