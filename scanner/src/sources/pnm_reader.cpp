#include "sources/pnm_reader.hpp"

#include "scanstation/core/error.hpp"
#include "sources/raster.hpp"

#include <cctype>

namespace scanstation::scanner::detail {

namespace {

class HeaderParser {
public:
    explicit HeaderParser(std::string_view bytes) : m_bytes(bytes) {}

    long number() {
        skipSpaceAndComments();
        long value = 0;
        int digits = 0;
        while (m_at < m_bytes.size() && std::isdigit(static_cast<unsigned char>(m_bytes[m_at])) && digits < 9) {
            value = value * 10 + (m_bytes[m_at++] - '0');
            ++digits;
        }
        if (digits == 0)
            throw Error(ErrorKind::BadInput, "malformed PNM header");
        return value;
    }
    // Exactly one whitespace byte separates the header from the pixel data.
    std::size_t dataStart() {
        if (m_at >= m_bytes.size() || !std::isspace(static_cast<unsigned char>(m_bytes[m_at])))
            throw Error(ErrorKind::BadInput, "malformed PNM header");
        return m_at + 1;
    }

private:
    void skipSpaceAndComments() {
        while (m_at < m_bytes.size()) {
            const char c = m_bytes[m_at];
            if (c == '#') {
                while (m_at < m_bytes.size() && m_bytes[m_at] != '\n')
                    ++m_at;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++m_at;
            } else {
                break;
            }
        }
    }
    std::string_view m_bytes;
    std::size_t m_at = 2; // after the "Pn" magic
};

} // namespace

bool isBinaryPnm(std::string_view b) {
    return b.size() > 2 && b[0] == 'P' && (b[1] == '4' || b[1] == '5' || b[1] == '6');
}

Image decodeBinaryPnm(std::string_view bytes) {
    if (!isBinaryPnm(bytes))
        throw Error(ErrorKind::BadInput, "not a binary PNM (P4, P5 or P6)");
    HeaderParser header(bytes);
    RasterLayout layout;
    layout.width = static_cast<int>(header.number());
    layout.height = static_cast<int>(header.number());
    layout.channels = bytes[1] == '6' ? 3 : 1;
    layout.depth = 1;
    if (bytes[1] != '4') {
        const long maxval = header.number();
        if (maxval < 1 || maxval > 65535)
            throw Error(ErrorKind::BadInput, "PNM maxval " + std::to_string(maxval) + " out of range");
        layout.depth = maxval > 255 ? 16 : 8;
    }
    layout.bigEndian16 = true;
    if (layout.width <= 0 || layout.height <= 0)
        throw Error(ErrorKind::BadInput, "PNM header gives an empty image");
    const std::size_t start = header.dataStart();
    layout.bytesPerLine = static_cast<int>(packedLineBytes(layout.width, layout.channels, layout.depth));
    const long long need = static_cast<long long>(layout.bytesPerLine) * layout.height;
    const long long have = static_cast<long long>(bytes.size() - start);
    if (have < need)
        throw Error(ErrorKind::BadInput, "PNM data is truncated: " + std::to_string(have) + " of " +
                                             std::to_string(need) + " bytes (torn file?)");
    return imageFromRaster(reinterpret_cast<const std::uint8_t*>(bytes.data() + start), layout, 0.0);
}

} // namespace scanstation::scanner::detail
