#pragma once
// PNG encoding of scanner images (8-bit grey or RGB), for crops, demo pages and the kiosk.
#include "scanstation/scanner/image.hpp"

#include <filesystem>
#include <string>

namespace scanstation::scanner {

// The PNG bytes. Error{Infrastructure} when encoding fails.
std::string encodePng(const ImageView& image);

// Writes to FILE.part, then renames. Error{Infrastructure} naming the file on failure.
void writePng(const ImageView& image, const std::filesystem::path& file);

} // namespace scanstation::scanner
