#pragma once
// The identity code as a module matrix (libqrencode, 8-bit mode, error correction level Q:
// about 25 % of the symbol may be unreadable, e.g. under a pen stroke). Internal.
#include <string>
#include <vector>

namespace scanstation::templates::detail {

struct QrMatrix {
    int size = 0;             // modules per side, without the quiet zone
    std::vector<bool> dark;   // size * size, row-major
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// Throws Error{BadInput} when the payload does not fit a QR code.
QrMatrix encodeQr(const std::string& payload);

} // namespace scanstation::templates::detail
