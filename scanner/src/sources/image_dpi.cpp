#include "sources/image_dpi.hpp"

#include "sources/file_bytes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

namespace scanstation::scanner::detail {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}
std::uint16_t be16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>((std::uint8_t(b[at]) << 8) | std::uint8_t(b[at + 1]));
}

double roundedDpi(double dpi) { return dpi > 0 ? std::round(dpi * 10.0) / 10.0 : 0.0; }

// Reads TIFF integers in the file's own byte order ("II" little, "MM" big endian).
class TiffReader {
public:
    explicit TiffReader(const std::filesystem::path& file) : m_file(file) {
        m_little = readFileRange(file, 0, 2) == "II";
    }
    std::uint32_t u32(std::uintmax_t at) const { return number(at, 4); }
    std::uint16_t u16(std::uintmax_t at) const { return static_cast<std::uint16_t>(number(at, 2)); }
    // The i-th value of a SHORT or LONG array entry (inline when it fits in 4 bytes).
    std::uint32_t arrayValue(std::uintmax_t entry, std::uint32_t i) const {
        const std::uint16_t type = u16(entry + 2);
        const std::uint32_t count = u32(entry + 4);
        const std::uint32_t size = type == 3 ? 2 : 4;
        const std::uintmax_t base = std::uintmax_t(count) * size <= 4 ? entry + 8 : u32(entry + 8);
        return size == 2 ? u16(base + 2u * i) : u32(base + 4u * i);
    }

private:
    std::uint32_t number(std::uintmax_t at, std::size_t size) const {
        const std::string b = readFileRange(m_file, at, size);
        if (b.size() != size)
            return 0;
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < size; ++i) {
            const std::size_t k = m_little ? size - 1 - i : i;
            v = (v << 8) | std::uint8_t(b[k]);
        }
        return v;
    }
    std::filesystem::path m_file;
    bool m_little = true;
};

double ifdDpi(const TiffReader& tiff, std::uint32_t ifd) {
    const std::uint16_t entries = tiff.u16(ifd);
    double xres = 0;
    int unit = 2; // TIFF default: inch
    for (std::uint16_t i = 0; i < entries; ++i) {
        const std::uintmax_t entry = ifd + 2 + 12u * i;
        const std::uint16_t tag = tiff.u16(entry);
        if (tag == 282) { // XResolution, RATIONAL stored at an offset
            const std::uint32_t at = tiff.u32(entry + 8);
            const std::uint32_t num = tiff.u32(at), den = tiff.u32(at + 4);
            xres = den ? double(num) / den : 0;
        } else if (tag == 296) { // ResolutionUnit, SHORT stored inline
            unit = tiff.u16(entry + 8);
        }
    }
    if (unit == 3)
        return roundedDpi(xres * 2.54);
    return unit == 2 ? roundedDpi(xres) : 0.0;
}

// The end (exclusive) of the data an offsets/byte-counts tag pair points at.
// A count whose array cannot fit in the file (every value takes at least 2 bytes) is damage
// on its face: say so at once rather than read a million values one by one.
std::uintmax_t dataEnd(const TiffReader& tiff, std::uintmax_t offsets, std::uintmax_t counts, std::uintmax_t size) {
    const std::uint32_t declared = std::max(tiff.u32(offsets + 4), tiff.u32(counts + 4));
    if (std::uintmax_t(declared) * 2 > size)
        return size + 1;
    std::uintmax_t end = 0;
    const std::uint32_t n = tiff.u32(offsets + 4);
    for (std::uint32_t i = 0; i < n; ++i)
        end = std::max<std::uintmax_t>(end, std::uintmax_t(tiff.arrayValue(offsets, i)) + tiff.arrayValue(counts, i));
    return end;
}

} // namespace

std::string tiffTornReason(const std::filesystem::path& file) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec)
        return "cannot read its size";
    TiffReader tiff(file);
    std::set<std::uint32_t> seen;
    int page = 1;
    for (std::uint32_t ifd = tiff.u32(4); ifd != 0; ++page) {
        if (!seen.insert(ifd).second)
            return "its page directory chain loops";
        const std::uint16_t entries = tiff.u16(ifd);
        const std::uintmax_t next = ifd + 2 + 12u * entries;
        if (ifd >= size || next + 4 > size)
            return "page " + std::to_string(page) + "'s directory lies past the end of the file (torn file?)";
        std::uintmax_t offsets = 0, counts = 0;
        for (std::uint16_t i = 0; i < entries; ++i) {
            const std::uintmax_t entry = ifd + 2 + 12u * i;
            const std::uint16_t tag = tiff.u16(entry);
            if (tag == 273 || tag == 324)
                offsets = entry;
            if (tag == 279 || tag == 325)
                counts = entry;
        }
        if (offsets && counts && dataEnd(tiff, offsets, counts, size) > size)
            return "page " + std::to_string(page) + "'s image data runs past the end of the file (torn file?)";
        ifd = tiff.u32(next);
        if (ifd >= size)
            return "the link to page " + std::to_string(page + 1) + " points past the end of the file (torn file?)";
    }
    return {};
}

double pngDpi(std::string_view b) {
    for (std::size_t at = 8; at + 12 <= b.size();) {
        const std::uint32_t length = be32(b, at);
        const std::string_view type = b.substr(at + 4, 4);
        if (type == "IDAT" || type == "IEND")
            break;
        if (type == "pHYs" && length == 9 && at + 17 <= b.size() && b[at + 16] == 1)
            return roundedDpi(be32(b, at + 8) * 0.0254);
        at += 12 + std::size_t(length);
    }
    return 0;
}

double jpegDpi(std::string_view b) {
    // The JFIF header is the APP0 segment right after SOI: "JFIF\0", version, units, densities.
    if (b.size() < 20 || std::uint8_t(b[2]) != 0xFF || std::uint8_t(b[3]) != 0xE0 || b.substr(6, 5) != std::string_view("JFIF\0", 5))
        return 0;
    const int units = std::uint8_t(b[13]);
    const double density = be16(b, 14);
    if (units == 1)
        return roundedDpi(density);
    return units == 2 ? roundedDpi(density * 2.54) : 0.0;
}

std::vector<double> tiffDpis(const std::filesystem::path& file) {
    TiffReader tiff(file);
    std::vector<double> dpis;
    std::set<std::uint32_t> seen; // a looping chain (corrupt file) must not spin
    for (std::uint32_t ifd = tiff.u32(4); ifd != 0 && seen.insert(ifd).second;) {
        dpis.push_back(ifdDpi(tiff, ifd));
        ifd = tiff.u32(ifd + 2 + 12u * tiff.u16(ifd));
    }
    return dpis;
}

} // namespace scanstation::scanner::detail
