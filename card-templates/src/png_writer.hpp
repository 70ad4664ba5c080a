#pragma once
// Writes a cairo image surface as PNG with its resolution recorded (pHYs chunk), so that a
// reader knows the dpi the card was rendered at. Internal.
#include <cairo.h>

#include <filesystem>

namespace scanstation::templates::detail {

void writePngWithDpi(cairo_surface_t* surface, double dpi, const std::filesystem::path& file);

} // namespace scanstation::templates::detail
