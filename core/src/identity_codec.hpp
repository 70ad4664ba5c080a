#pragma once
// Text codecs of the card identity payload (internal to core): RFC 4648 base32 without
// padding, and splitting at a separator. Its fields are percent-encoded with '|' escaped
// (percent_encoding.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core::identity_codec {

std::string base32(const std::uint8_t* data, std::size_t size);

std::vector<std::string_view> split(std::string_view text, char separator);

} // namespace scanstation::core::identity_codec
