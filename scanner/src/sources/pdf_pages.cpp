#include "sources/pdf_pages.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/file_bytes.hpp"
#include "sources/raster.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

namespace scanstation::scanner::detail {

namespace {

constexpr double kMaxRenderDpi = 600; // bounds memory: an A4 page at 600 dpi is ~35 Mpixel
constexpr double kMinRenderDpi = 72;

// poppler reports every repairable oddity on stderr; our verdict is the exception we throw.
void quietPoppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::size_t skipBlanks(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        ++i;
    return i;
}

int readInt(std::string_view s, std::size_t& i) {
    int value = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 7) {
        value = value * 10 + (s[i++] - '0');
        ++digits;
    }
    return digits ? value : -1;
}

// The direct integer after `key`; 0 when absent or an indirect reference ("12 0 R").
int intAfterKey(std::string_view dict, std::string_view key) {
    const std::size_t at = dict.find(key);
    if (at == std::string_view::npos)
        return 0;
    std::size_t i = skipBlanks(dict, at + key.size());
    const int value = readInt(dict, i);
    std::size_t j = skipBlanks(dict, i);
    if (readInt(dict, j) >= 0 && skipBlanks(dict, j) < dict.size() && dict[skipBlanks(dict, j)] == 'R')
        return 0;
    return value > 0 ? value : 0;
}

// True when the "/Image" at `at` is the value of a /Subtype key.
bool isSubtypeImage(std::string_view bytes, std::size_t at) {
    std::size_t i = at;
    while (i > 0 && (bytes[i - 1] == ' ' || bytes[i - 1] == '\n' || bytes[i - 1] == '\r'))
        --i;
    return i >= 8 && bytes.substr(i - 8, 8) == "/Subtype";
}

// Scanned PDFs end with %%EOF; a file cut short by a copy in progress or a crash does not.
bool hasEofMarker(std::string_view bytes) {
    const std::size_t tail = std::min<std::size_t>(bytes.size(), 2048);
    return bytes.substr(bytes.size() - tail).find("%%EOF") != std::string_view::npos;
}

} // namespace

std::vector<std::pair<int, int>> pdfImageSizes(std::string_view bytes) {
    std::vector<std::pair<int, int>> sizes;
    for (std::size_t at = bytes.find("/Image"); at != std::string_view::npos; at = bytes.find("/Image", at + 6)) {
        if (!isSubtypeImage(bytes, at) || (at + 6 < bytes.size() && std::isalpha(static_cast<unsigned char>(bytes[at + 6]))))
            continue; // not "/Subtype /Image" (e.g. /ImageMask, /ImageB in a ProcSet)
        const std::size_t begin = bytes.rfind("obj", at);
        const std::size_t end = bytes.find("stream", at);
        if (begin == std::string_view::npos || end == std::string_view::npos || end - begin > 4096)
            continue;
        const std::string_view dict = bytes.substr(begin, end - begin);
        const int w = intAfterKey(dict, "/Width"), h = intAfterKey(dict, "/Height");
        if (w > 0 && h > 0)
            sizes.emplace_back(w, h);
    }
    return sizes;
}

double nativePageDpi(const std::vector<std::pair<int, int>>& sizes, double widthPt, double heightPt) {
    double best = 0;
    for (auto [w, h] : sizes) {
        for (int turn = 0; turn < 2; ++turn, std::swap(w, h)) {
            const double dx = w / (widthPt / 72.0), dy = h / (heightPt / 72.0);
            if (std::abs(dx - dy) <= 0.02 * std::max(dx, dy))
                best = std::max(best, std::round((dx + dy) / 2.0));
        }
    }
    return best;
}

PdfPages::PdfPages(const std::filesystem::path& file) : m_file(file) {
    quietPoppler();
    const std::string bytes = readFileBytes(file); // scanned for image sizes, then dropped
    if (!hasEofMarker(bytes))
        throw Error(ErrorKind::BadInput, placeOf(file) + ": PDF has no %%EOF marker (torn or still being written)");
    // load_from_raw_data would not copy the buffer; poppler reads the file itself instead
    m_doc.reset(poppler::document::load_from_file(file.string()));
    if (!m_doc)
        throw Error(ErrorKind::BadInput, placeOf(file) + ": not a readable PDF");
    if (m_doc->is_locked())
        throw Error(ErrorKind::BadInput, placeOf(file) + ": PDF is password-protected");
    if (m_doc->pages() <= 0)
        throw Error(ErrorKind::BadInput, placeOf(file) + ": PDF has no pages");
    m_imageSizes = pdfImageSizes(bytes);
}

PdfPages::~PdfPages() = default;

int PdfPages::count() const { return m_doc->pages(); }

Image PdfPages::render(int index) const {
    std::unique_ptr<poppler::page> page(m_doc->create_page(index));
    if (!page)
        throw Error(ErrorKind::BadInput, placeOf(m_file, index + 1) + ": page cannot be opened");
    const poppler::rectf box = page->page_rect(poppler::media_box);
    double dpi = nativePageDpi(m_imageSizes, box.width(), box.height());
    if (dpi <= 0)
        dpi = kDefaultPdfDpi;
    dpi = std::clamp(dpi, kMinRenderDpi, kMaxRenderDpi);
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_rgb24);
    const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
        throw Error(ErrorKind::BadInput, placeOf(m_file, index + 1) + ": page cannot be rendered");
    Image out(img.width(), img.height(), PixelFormat::Rgb8, dpi);
    const std::size_t rowBytes = static_cast<std::size_t>(img.width()) * 3;
    for (int y = 0; y < img.height(); ++y)
        std::memcpy(out.data() + y * rowBytes, img.const_data() + static_cast<std::size_t>(y) * img.bytes_per_row(), rowBytes);
    return grayIfNeutral(std::move(out));
}

} // namespace scanstation::scanner::detail
