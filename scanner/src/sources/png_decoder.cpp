#include "sources/png_decoder.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace scanstation::scanner::detail {
namespace {

constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
// Larger images are left to OpenCV, which applies its own pixel limit.
constexpr std::uint64_t kMaxPixels = std::uint64_t{1} << 28;
// Deflate cannot expand more than ~1032:1; a header claiming more is not worth allocating for.
constexpr std::uint64_t kMaxInflateRatio = 1100;

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

struct Header {
    std::uint32_t width = 0, height = 0;
    int channels = 0; // 1 grey, 3 RGB
};

// IHDR fields the fast path takes: bit depth 8, colour type 0 or 2, deflate, filter method 0,
// no interlace.
std::optional<Header> plainHeader(const unsigned char* d) {
    Header h{be32(d), be32(d + 4), d[9] == 0 ? 1 : d[9] == 2 ? 3 : 0};
    if (h.width == 0 || h.height == 0 || h.channels == 0 || d[8] != 8 || d[10] != 0 || d[11] != 0 || d[12] != 0)
        return std::nullopt;
    if (std::uint64_t{h.width} * h.height > kMaxPixels)
        return std::nullopt;
    return h;
}

// Walks the chunks (each CRC checked) and gathers the image data. Only IHDR, IDAT, IEND and
// ancillary chunks are accepted: PLTE, tRNS and unknown critical chunks go to OpenCV.
bool gatherImageData(std::string_view bytes, Header& header, std::string& data) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t at = kSignature.size();
    bool haveHeader = false;
    while (at + 12 <= bytes.size()) {
        const std::uint32_t length = be32(b + at);
        if (length > bytes.size() - at - 12)
            return false; // torn
        const std::string_view type = bytes.substr(at + 4, 4);
        if (libdeflate_crc32(0, b + at + 4, length + 4) != be32(b + at + 8 + length))
            return false;
        const unsigned char* body = b + at + 8;
        at += 12 + std::size_t{length};
        if (!haveHeader) {
            if (type != "IHDR" || length != 13)
                return false;
            const auto h = plainHeader(body);
            if (!h)
                return false;
            header = *h;
            haveHeader = true;
        } else if (type == "IDAT") {
            data.append(reinterpret_cast<const char*>(body), length);
        } else if (type == "IEND") {
            return !data.empty();
        } else if (type == "tRNS" || (type[0] & 0x20) == 0) { // upper case first letter: critical
            return false;
        }
    }
    return false; // no IEND: torn, or not a PNG's chunk structure
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Sub, the filter scanners' PNGs mostly use: a running sum along the row, one per channel.
// The sums are kept in registers: reading them back from `out` would wait on each store.
void undoSub(const unsigned char* in, unsigned char* out, std::size_t n, std::size_t bpp) {
    if (bpp == 1) {
        unsigned char sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            out[i] = sum = static_cast<unsigned char>(sum + in[i]);
        return;
    }
    unsigned char r = 0, g = 0, b = 0; // bpp 3 (RGB)
    for (std::size_t i = 0; i + 2 < n; i += 3) {
        out[i] = r = static_cast<unsigned char>(r + in[i]);
        out[i + 1] = g = static_cast<unsigned char>(g + in[i + 1]);
        out[i + 2] = b = static_cast<unsigned char>(b + in[i + 2]);
    }
}

// Undoes one row's filter (PNG spec, section 9) into `out`; `prior` is the previous output
// row (zeros for the first row). The first `bpp` bytes have no left neighbour (it counts as
// zero), so each loop is split there instead of testing every byte.
bool unfilterRow(int filter, const unsigned char* in, const unsigned char* prior, unsigned char* out, std::size_t n,
                 std::size_t bpp) {
    const auto put = [out](std::size_t i, int v) { out[i] = static_cast<unsigned char>(v); };
    switch (filter) {
    case 0: std::copy(in, in + n, out); return true;
    case 1:
        undoSub(in, out, n, bpp);
        return true;
    case 2:
        for (std::size_t i = 0; i < n; ++i)
            put(i, in[i] + prior[i]);
        return true;
    case 3:
        for (std::size_t i = 0; i < bpp; ++i)
            put(i, in[i] + prior[i] / 2);
        for (std::size_t i = bpp; i < n; ++i)
            put(i, in[i] + (out[i - bpp] + prior[i]) / 2);
        return true;
    case 4:
        for (std::size_t i = 0; i < bpp; ++i)
            put(i, in[i] + prior[i]); // paeth(0, b, 0) is b
        for (std::size_t i = bpp; i < n; ++i)
            put(i, in[i] + paeth(out[i - bpp], prior[i], prior[i - bpp]));
        return true;
    default: return false;
    }
}

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

} // namespace

std::optional<Image> decodePlainPng(std::string_view bytes, double dpi) {
    if (bytes.substr(0, kSignature.size()) != kSignature)
        return std::nullopt;
    // Scratch kept per thread: a fresh 10-30 MB buffer per page costs more in page faults
    // than the inflate itself.
    thread_local std::string data;
    thread_local std::vector<unsigned char> rows;
    data.clear();
    Header header;
    if (!gatherImageData(bytes, header, data))
        return std::nullopt;
    const std::size_t rowBytes = std::size_t{header.width} * static_cast<std::size_t>(header.channels);
    const std::size_t filtered = (rowBytes + 1) * header.height; // a filter byte leads each row
    if (filtered > kMaxInflateRatio * data.size())
        return std::nullopt;
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> inflater(libdeflate_alloc_decompressor());
    if (!inflater)
        return std::nullopt;
    rows.resize(filtered); // grows only; every byte is then written by the inflate
    std::size_t produced = 0;
    if (libdeflate_zlib_decompress(inflater.get(), data.data(), data.size(), rows.data(), filtered, &produced) !=
            LIBDEFLATE_SUCCESS ||
        produced != filtered)
        return std::nullopt;
    Image image(static_cast<int>(header.width), static_cast<int>(header.height),
                header.channels == 1 ? PixelFormat::Gray8 : PixelFormat::Rgb8, dpi);
    const std::vector<unsigned char> zeros(rowBytes, 0);
    const unsigned char* prior = zeros.data();
    for (std::size_t y = 0; y < header.height; ++y) {
        const unsigned char* in = rows.data() + y * (rowBytes + 1);
        unsigned char* out = image.data() + y * rowBytes;
        if (!unfilterRow(in[0], in + 1, prior, out, rowBytes, static_cast<std::size_t>(header.channels)))
            return std::nullopt;
        prior = out;
    }
    return image;
}

} // namespace scanstation::scanner::detail
