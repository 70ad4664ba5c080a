#pragma once
// Turning raw scanner-style samples into an Image. Shared by the PNM reader and the SANE source,
// which deliver the same layouts: rows of 1-bit (set bit = black, most significant bit first),
// 8-bit or 16-bit samples, one (grey) or three (RGB) per pixel.
#include "scanstation/scanner/image.hpp"

#include <cstdint>

namespace scanstation::scanner::detail {

struct RasterLayout {
    int width = 0;        // pixels per line
    int height = 0;       // lines
    int bytesPerLine = 0; // may exceed the packed width (padding)
    int channels = 1;     // 1 grey, 3 RGB
    int depth = 8;        // bits per sample: 1, 8 or 16
    bool bigEndian16 = false; // PNM: big-endian; SANE: host order
};

// Expected byte count of `height` packed lines of `width` pixels.
long long packedLineBytes(int width, int channels, int depth);

// 16-bit samples keep their high byte; 1-bit lineart becomes 0 (black) / 255 (white).
Image imageFromRaster(const std::uint8_t* data, const RasterLayout& layout, double dpi);

// Rgb8 pages whose every pixel is neutral grey become Gray8 (a third of the memory).
Image grayIfNeutral(Image image);

} // namespace scanstation::scanner::detail
