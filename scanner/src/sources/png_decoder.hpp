#pragma once
// A direct decoder for the PNGs document scanners write: 8-bit grey or RGB, not interlaced,
// no palette or transparency. Inflating the image data is most of a PNG's decode time (zlib:
// ~50 of ~70 ms for a 300-dpi page); libdeflate inflates the whole image in one call at about
// twice zlib's speed. Every other PNG, and every file this decoder finds anything wrong with
// (CRC, inflate, filter byte, size), is left to OpenCV (libpng): there its pixels and its
// errors stay libpng's.
#include "scanstation/scanner/image.hpp"

#include <optional>
#include <string_view>

namespace scanstation::scanner::detail {

// The decoded image (Gray8 or Rgb8, `dpi` set), or nothing when the file is not one this
// decoder takes or fails one of its checks. Never throws for bad bytes.
std::optional<Image> decodePlainPng(std::string_view bytes, double dpi);

} // namespace scanstation::scanner::detail
