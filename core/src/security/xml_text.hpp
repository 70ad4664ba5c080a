#pragma once
// Escaping and unescaping for the station's own XML documents (archive, pupil export),
// internal to core. Only the five predefined entities and decimal/hex character references
// are used, so the files read in any XML tool.
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core::security {

// True when `text` can stand in XML 1.0 as character data: valid UTF-8, and no control
// characters except tab and newline (a carriage return would be normalised away by parsers).
bool isXmlSafe(std::string_view text);

// Escapes & < > " ' . The caller checks isXmlSafe first (else stores base64).
std::string escapeXml(std::string_view text);

// Reverses escapeXml and decodes &#NN; / &#xHH; references. Nothing when an entity is unknown.
std::optional<std::string> unescapeXml(std::string_view text);

std::string toBase64(std::string_view bytes);
std::optional<std::string> fromBase64(std::string_view text);

} // namespace scanstation::core::security
