#include "sources/raster.hpp"

#include <cstring>

namespace scanstation::scanner::detail {

long long packedLineBytes(int width, int channels, int depth) {
    const long long bits = static_cast<long long>(width) * channels * depth;
    return (bits + 7) / 8;
}

namespace {

void copyLine1Bit(const std::uint8_t* src, std::uint8_t* dst, int samples) {
    for (int i = 0; i < samples; ++i) {
        const bool black = (src[i / 8] >> (7 - i % 8)) & 1;
        dst[i] = black ? 0 : 255;
    }
}

void copyLine16Bit(const std::uint8_t* src, std::uint8_t* dst, int samples, bool bigEndian) {
    for (int i = 0; i < samples; ++i) {
        if (bigEndian) {
            dst[i] = src[2 * i];
        } else {
            std::uint16_t v;
            std::memcpy(&v, src + 2 * i, 2); // host order, as SANE sends it
            dst[i] = static_cast<std::uint8_t>(v >> 8);
        }
    }
}

} // namespace

Image imageFromRaster(const std::uint8_t* data, const RasterLayout& layout, double dpi) {
    const PixelFormat format = layout.channels == 3 ? PixelFormat::Rgb8 : PixelFormat::Gray8;
    Image image(layout.width, layout.height, format, dpi);
    const int samples = layout.width * layout.channels;
    for (int y = 0; y < layout.height; ++y) {
        const std::uint8_t* src = data + static_cast<std::size_t>(y) * layout.bytesPerLine;
        std::uint8_t* dst = image.data() + static_cast<std::size_t>(y) * samples;
        if (layout.depth == 1)
            copyLine1Bit(src, dst, samples);
        else if (layout.depth == 16)
            copyLine16Bit(src, dst, samples, layout.bigEndian16);
        else
            std::memcpy(dst, src, static_cast<std::size_t>(samples));
    }
    return image;
}

Image grayIfNeutral(Image image) {
    if (image.format() != PixelFormat::Rgb8)
        return image;
    const std::size_t pixels = static_cast<std::size_t>(image.width()) * image.height();
    const std::uint8_t* p = image.data();
    for (std::size_t i = 0; i < pixels; ++i, p += 3)
        if (p[0] != p[1] || p[1] != p[2])
            return image;
    Image gray(image.width(), image.height(), PixelFormat::Gray8, image.dpi());
    p = image.data();
    for (std::size_t i = 0; i < pixels; ++i, p += 3)
        gray.data()[i] = p[0];
    return gray;
}

} // namespace scanstation::scanner::detail
