// CoreBackend: the pages the screens show, decrypted from the vault in memory only (scanner's
// PageImageStore and review crops). Nothing decrypted is written to disk.
#include "core_backend.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/review_crops.hpp"

#include <algorithm>
#include <cstring>

namespace scanstation::ui {

namespace {

PixelImage pixelsOf(const scanner::Image& image) {
    PixelImage out;
    if (image.empty())
        return out;
    const auto view = image.view();
    out.width = view.width;
    out.height = view.height;
    out.rgb = view.format == scanner::PixelFormat::Rgb8;
    const std::size_t row = static_cast<std::size_t>(view.width) * scanner::bytesPerPixel(view.format);
    out.pixels.resize(row * static_cast<std::size_t>(view.height));
    for (int y = 0; y < view.height; ++y)
        std::memcpy(out.pixels.data() + row * y, view.data + static_cast<std::size_t>(view.stride) * y, row);
    return out;
}

} // namespace

PixelImage CoreBackend::pageImage(const std::string& pageId) {
    if (pageId.empty())
        return {};
    std::lock_guard lock(m_mutex);
    actor(); // only a signed-in operator sees a page
    const scanner::PageImageStore images(*m_store, m_dataKey);
    const auto image = images.pageImage(pageId);
    return image ? pixelsOf(*image) : PixelImage{};
}

PixelImage CoreBackend::fieldCrop(const std::string& serial, const std::string& fieldId) {
    if (serial.empty() || fieldId.empty())
        return {};
    std::lock_guard lock(m_mutex);
    // core decides whether this operator may see the card; its reading names page and template.
    const auto review = core::ReviewQueue(*m_store).show(actor().login, serial);
    if (!review.reading.card || review.reading.pageHash.empty())
        return {};
    const auto tpl = std::find_if(m_templates.begin(), m_templates.end(),
                                  [&](const auto& t) { return t.id == review.reading.card->templateId; });
    if (tpl == m_templates.end())
        return {};
    const scanner::PageImageStore images(*m_store, m_dataKey);
    const auto crops = scanner::cropStoredPage(images, review.reading.pageHash, *tpl, {fieldId});
    return crops.crops.empty() ? PixelImage{} : pixelsOf(crops.crops.front().image);
}

} // namespace scanstation::ui
