#include "sources/jpeg_frame.hpp"

#include <cstdint>

namespace scanstation::scanner::detail {
namespace {

int byteAt(std::string_view b, std::size_t at) { return static_cast<std::uint8_t>(b[at]); }
int be16(std::string_view b, std::size_t at) { return (byteAt(b, at) << 8) | byteAt(b, at + 1); }

// SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
bool isFrameMarker(int m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

} // namespace

std::optional<JpegFrame> jpegFrame(std::string_view b) {
    if (b.size() < 4 || byteAt(b, 0) != 0xFF || byteAt(b, 1) != 0xD8)
        return std::nullopt;
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        if (byteAt(b, at) != 0xFF)
            return std::nullopt; // not at a marker: not a JPEG's segment structure
        const int marker = byteAt(b, at + 1);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) // end of image, start of scan: no frame before
            return std::nullopt;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
            at += 2;
            continue;
        }
        const std::size_t length = static_cast<std::size_t>(be16(b, at + 2));
        if (isFrameMarker(marker)) {
            if (length < 8 || at + 2 + length > b.size())
                return std::nullopt;
            JpegFrame f{be16(b, at + 7), be16(b, at + 5), byteAt(b, at + 9), byteAt(b, at + 4)};
            if (f.width == 0 || f.height == 0)
                return std::nullopt;
            return f;
        }
        if (length < 2)
            return std::nullopt;
        at += 2 + length;
    }
    return std::nullopt;
}

} // namespace scanstation::scanner::detail
