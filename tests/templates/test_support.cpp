#include "test_support.hpp"

#include <zbar.h>

#include <array>
#include <cstdio>
#include <random>
#include <sys/wait.h>

namespace scanstation::test {

TempDir::TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("scanstation-templates-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::vector<std::string> decodeQrCodes(const templates::Raster& raster) {
    using namespace zbar; // the C API lives in namespace zbar when included from C++
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(raster.width), static_cast<unsigned>(raster.height));
    zbar_image_set_data(image, raster.gray.data(), raster.gray.size(), nullptr);
    zbar_scan_image(scanner, image);
    std::vector<std::string> texts;
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image); s; s = zbar_symbol_next(s))
        texts.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return texts;
}

CommandResult runCommand(const std::string& command) {
    CommandResult r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace scanstation::test
