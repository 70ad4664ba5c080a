#include "png_writer.hpp"

#include "scanstation/core/error.hpp"

#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>

namespace scanstation::templates::detail {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void putBigEndian(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xFF);
}

// pHYs: pixels per metre in x and y, unit 1 (metre).
std::string physChunk(double dpi) {
    const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string body = "pHYs";
    putBigEndian(body, ppm);
    putBigEndian(body, ppm);
    body += '\x01';
    std::string chunk;
    putBigEndian(chunk, 9);
    chunk += body;
    putBigEndian(chunk, static_cast<std::uint32_t>(
                            crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
    return chunk;
}

} // namespace

void writePngWithDpi(cairo_surface_t* surface, double dpi, const std::filesystem::path& file) {
    std::string png;
    if (cairo_surface_write_to_png_stream(surface, &append, &png) != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot encode PNG");
    // The signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC) come first;
    // pHYs must precede the image data, so it goes right after IHDR.
    constexpr std::size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;
    if (png.size() < kAfterIhdr || png.compare(12, 4, "IHDR") != 0)
        throw Error(ErrorKind::Infrastructure, file.string() + ": unexpected PNG layout from cairo");
    png.insert(kAfterIhdr, physChunk(dpi));
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(png.data(), static_cast<std::streamsize>(png.size()));
    out.close();
    if (!out)
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot write PNG");
}

} // namespace scanstation::templates::detail
