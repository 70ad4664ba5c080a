#pragma once
// Decodes a stored original (the bytes of a scanned file) back into one page's pixels.
#include "scanstation/scanner/image.hpp"

#include <string>

namespace scanstation::scanner::detail {

// Page `page` (1-based) of the original. One-page formats are decoded in memory; a multi-page
// TIFF or PDF goes through the file readers via a private temporary file (mode 0600, removed
// at once). Error{BadInput} naming `what` when the bytes do not decode.
Image decodeOriginal(const std::string& bytes, const std::string& extension, int page, const std::string& what);

} // namespace scanstation::scanner::detail
