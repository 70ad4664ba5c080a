#pragma once
// The Code 128 fallback of the identity code (card-templates/README.md "Code 128 fallback").
// The same signed payload as the QR code, split into chunks, each chunk one Code 128 (set B)
// symbol printed as a vertical column in a strip below the QR code, so that a card whose QR
// code is inked over, torn or smudged is still identified and verified with the same MAC.
// Chunk text: one digit k (1-based), one digit n (chunk count), then the payload's piece.
#include "scanstation/core/card_template.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scanstation::templates {

// The strip, in card mm, derived from the template's identity code region: from 8 mm right of
// the region's left edge to 4 mm beyond its right edge, from 8 mm below it to 20 mm above the
// page's bottom edge. Every shipped template keeps this strip clear (tests/templates).
core::RectMm fallbackCodeRegion(const core::CardTemplate& tpl);

// Module width (mm) and quiet zone (modules) of the printed symbols.
inline constexpr double kFallbackModuleMm = 0.4;
inline constexpr int kFallbackQuietModules = 10;
inline constexpr int kFallbackMaxChunks = 3;

// The chunks of a payload that fit the strip of `tpl`; empty when the payload does not fit
// (more than kFallbackMaxChunks columns, or a byte outside printable ASCII): the card then
// carries its QR code only.
std::vector<std::string> fallbackCodeChunks(const core::CardTemplate& tpl, const std::string& payload);

// Joins decoded chunk texts (in any order) back into the payload; nullopt unless every chunk
// 1..n of one count n is present exactly once (duplicates with the same text are merged).
std::optional<std::string> joinFallbackCodeChunks(const std::vector<std::string>& decoded);

} // namespace scanstation::templates
