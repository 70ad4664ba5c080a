#include "recognition/zbar_scan.hpp"

#include <memory>
#include <zbar.h>

namespace scanstation::scanner {

namespace {

using namespace zbar; // zbar.h puts its C API in namespace zbar when compiled as C++

struct ScannerDeleter {
    void operator()(zbar_image_scanner_t* s) const { zbar_image_scanner_destroy(s); }
};
struct ImageDeleter {
    void operator()(zbar_image_t* i) const { zbar_image_destroy(i); }
};

} // namespace

std::vector<std::string> zbarSymbols(const cv::Mat& grey, Symbology symbology, int lineStep) {
    std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    if (symbology == Symbology::Qr) {
        zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
        zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_X_DENSITY, lineStep);
        zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_Y_DENSITY, lineStep);
    } else {
        zbar_image_scanner_set_config(scanner.get(), ZBAR_CODE128, ZBAR_CFG_ENABLE, 1);
        zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_X_DENSITY, 0);
        zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_Y_DENSITY, 2);
    }
    std::unique_ptr<zbar_image_t, ImageDeleter> image(zbar_image_create());
    zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image.get(), static_cast<unsigned>(grey.cols),
                        static_cast<unsigned>(grey.rows));
    zbar_image_set_data(image.get(), grey.data, grey.total(), nullptr);
    std::vector<std::string> out;
    if (zbar_scan_image(scanner.get(), image.get()) <= 0)
        return out;
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image.get()); s; s = zbar_symbol_next(s))
        out.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
    return out;
}

} // namespace scanstation::scanner
