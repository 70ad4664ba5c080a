#pragma once
// PDF pages through poppler-cpp. A scanned PDF is rendered at the resolution of its page
// images, so recognition sees the scanner's own pixels; a page without a full-page image is
// rendered at kDefaultPdfDpi.
#include "scanstation/scanner/image.hpp"

#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace poppler {
class document;
}

namespace scanstation::scanner::detail {

// Pixel sizes (width, height) of every image XObject whose dictionary is readable in the file.
// Stream objects may never sit inside object streams, so their dictionaries are plain text.
std::vector<std::pair<int, int>> pdfImageSizes(std::string_view bytes);

// The dpi at which an image of one of `sizes` exactly covers a page of `widthPt` x `heightPt`
// points (either orientation); 0 when no image covers the page.
double nativePageDpi(const std::vector<std::pair<int, int>>& sizes, double widthPt, double heightPt);

class PdfPages {
public:
    explicit PdfPages(const std::filesystem::path& file); // throws BadInput
    ~PdfPages();
    int count() const;
    Image render(int index) const; // 0-based; throws BadInput naming file and page

private:
    std::filesystem::path m_file;
    std::unique_ptr<poppler::document> m_doc;
    std::vector<std::pair<int, int>> m_imageSizes;
};

} // namespace scanstation::scanner::detail
