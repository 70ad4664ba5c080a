#pragma once
// Geometry checks of a loaded template: everything on the page, nothing printed in a mark's
// quiet zone or over the identity code, bubbles at least kMinBubbleGapMm apart. Internal.
#include "json_reader.hpp"

namespace scanstation::templates::detail {

inline constexpr double kMinBubbleGapMm = 1.5; // edge to edge, so one pen stroke hits one bubble

void validateGeometry(const JsonNode& root, const core::CardTemplate& tpl);

} // namespace scanstation::templates::detail
