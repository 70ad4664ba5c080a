#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/file_bytes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace scanstation::scanner {

PageFileType detectPageFileType(const std::filesystem::path& file) {
    const std::string head = detail::readFileRange(file, 0, 8);
    const std::string_view h = head;
    if (h.starts_with("\x89PNG\r\n\x1a\n"))
        return PageFileType::Png;
    if (h.starts_with("\xff\xd8\xff"))
        return PageFileType::Jpeg;
    if (h.starts_with(std::string_view("II*\0", 4)) || h.starts_with(std::string_view("MM\0*", 4)))
        return PageFileType::Tiff;
    if (h.starts_with("%PDF-"))
        return PageFileType::Pdf;
    if (h.size() >= 3 && h[0] == 'P' && h[1] >= '1' && h[1] <= '6' && std::isspace(static_cast<unsigned char>(h[2])))
        return PageFileType::Pnm;
    return PageFileType::Unknown;
}

bool hasPageFileExtension(const std::filesystem::path& file) {
    static constexpr std::array<std::string_view, 10> kExtensions{
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".pnm", ".pgm", ".ppm", ".pbm"};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

} // namespace scanstation::scanner
