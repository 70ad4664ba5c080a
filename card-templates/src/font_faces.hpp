#pragma once
// DejaVu Sans (regular and bold) as cairo font faces, located through fontconfig and loaded
// with FreeType once per process. A fixed font (not "whatever sans the system picks") keeps
// renders identical across machines and has every Polish and Cyrillic glyph. Internal.
#include <cairo.h>

namespace scanstation::templates::detail {

// Never null; throws Error{Infrastructure} when DejaVu Sans is not installed (fonts-dejavu-core).
cairo_font_face_t* dejaVuSans(bool bold);

} // namespace scanstation::templates::detail
