#pragma once
// The one drawing routine behind every output. The caller has scaled the context so that one
// user unit is one millimetre from the card's top-left corner. Internal.
#include "scanstation/templates/card_renderer.hpp"

#include <cairo.h>

namespace scanstation::templates::detail {

// How grey ink is expressed: as a grey colour (PDF, colour surfaces) or as coverage on an
// alpha-only surface (the raster path: A8 alpha = darkness, inverted afterwards).
enum class InkModel { Colour, Alpha };

void drawCard(cairo_t* cr, const core::CardTemplate& tpl, const CardContent& card, InkModel ink);

} // namespace scanstation::templates::detail
