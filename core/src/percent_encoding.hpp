#pragma once
// Percent-encoding (internal to core), one spelling for every user: '%', the bytes outside
// printable ASCII (0x21..0x7E; so also space) and the caller's own separators become "%XX" with
// upper-case hex. Used by the card identity payload ('|' separates its fields) and by the
// SQLite URIs of the sealed store ('?' and '#' end a URI's path).
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {

std::string percentEncode(std::string_view text, std::string_view alsoEscaped);

// The text back; nothing for a '%' not followed by two upper-case hex digits (percentEncode
// never writes lower case, so a payload has one spelling only).
std::optional<std::string> percentDecode(std::string_view text);

} // namespace scanstation::core
