#include "qr_code.hpp"

#include "scanstation/core/error.hpp"

#include <qrencode.h>

#include <memory>

namespace scanstation::templates::detail {

QrMatrix encodeQr(const std::string& payload) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(payload.size()), reinterpret_cast<const unsigned char*>(payload.data()),
                          0, QR_ECLEVEL_Q),
        &QRcode_free);
    if (!code)
        throw Error(ErrorKind::BadInput, "identity payload of " + std::to_string(payload.size()) +
                                             " bytes cannot be encoded as a QR code");
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
    for (std::size_t i = 0; i < m.dark.size(); ++i)
        m.dark[i] = (code->data[i] & 1) != 0; // bit 0: dark module
    return m;
}

} // namespace scanstation::templates::detail
