#pragma once
// PNM as SANE's scanimage writes it: P4 (1-bit lineart), P5 (grey, 8 or 16 bit), P6 (RGB),
// with "# SANE data follows"-style comments in the header. A single page, no resolution.
#include "scanstation/scanner/image.hpp"

#include <string_view>

namespace scanstation::scanner::detail {

// Throws BadInput (message without the file name; the caller adds it) when the header is bad
// or the pixel data is shorter than the header promises (a torn file).
Image decodeBinaryPnm(std::string_view bytes);

// True for the binary variants decodeBinaryPnm reads (P4, P5, P6); P1-P3 go to OpenCV.
bool isBinaryPnm(std::string_view bytes);

} // namespace scanstation::scanner::detail
