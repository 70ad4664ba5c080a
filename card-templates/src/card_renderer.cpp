#include "scanstation/templates/card_renderer.hpp"

#include "card_drawing.hpp"
#include "png_writer.hpp"
#include "scanstation/core/error.hpp"

#include <cairo-pdf.h>

#include <cmath>
#include <cstring>
#include <memory>

namespace scanstation::templates {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

void checkStatus(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Infrastructure, what + ": " + cairo_status_to_string(status));
}

void checkDpi(double dpi) {
    if (!(dpi >= 50 && dpi <= 1200))
        throw Error(ErrorKind::BadInput, "dpi " + std::to_string(dpi) + " is outside 50..1200");
}

// Draws the card on an alpha-only surface: alpha is the ink's darkness.
SurfacePtr renderAlpha(const core::CardTemplate& tpl, const CardContent& card, double dpi) {
    checkDpi(dpi);
    const double scale = dpi / 25.4; // pixels per mm
    const int width = static_cast<int>(std::lround(tpl.pageWidthMm * scale));
    const int height = static_cast<int>(std::lround(tpl.pageHeightMm * scale));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_A8, width, height), &cairo_surface_destroy);
    checkStatus(cairo_surface_status(surface.get()), "cannot create a raster surface");
    ContextPtr cr(cairo_create(surface.get()), &cairo_destroy);
    cairo_scale(cr.get(), scale, scale);
    detail::drawCard(cr.get(), tpl, card, detail::InkModel::Alpha);
    checkStatus(cairo_status(cr.get()), "drawing the card failed");
    cairo_surface_flush(surface.get());
    return surface;
}

// Turns darkness into grey in place: 255 - alpha.
void invert(cairo_surface_t* surface) {
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const int width = cairo_image_surface_get_width(surface);
    for (int y = 0; y < cairo_image_surface_get_height(surface); ++y)
        for (int x = 0; x < width; ++x)
            data[y * stride + x] = static_cast<unsigned char>(255 - data[y * stride + x]);
    cairo_surface_mark_dirty(surface);
}

} // namespace

std::vector<PrintedRow> registerNumberRows(const core::CardTemplate& tpl) {
    std::vector<PrintedRow> rows;
    for (int r = 0; r < tpl.rowCount; ++r)
        rows.push_back({r, std::to_string(r + 1), ""});
    return rows;
}

Raster renderRaster(const core::CardTemplate& tpl, const CardContent& card, double dpi) {
    SurfacePtr surface = renderAlpha(tpl, card, dpi);
    Raster raster;
    raster.width = cairo_image_surface_get_width(surface.get());
    raster.height = cairo_image_surface_get_height(surface.get());
    raster.stride = raster.width;
    raster.dpi = dpi;
    raster.gray.resize(static_cast<std::size_t>(raster.width) * raster.height);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < raster.height; ++y) {
        std::uint8_t* out = raster.gray.data() + static_cast<std::size_t>(y) * raster.stride;
        const unsigned char* in = data + static_cast<std::size_t>(y) * stride;
        for (int x = 0; x < raster.width; ++x)
            out[x] = static_cast<std::uint8_t>(255 - in[x]);
    }
    return raster;
}

void renderPng(const core::CardTemplate& tpl, const CardContent& card, double dpi, const std::filesystem::path& file) {
    SurfacePtr surface = renderAlpha(tpl, card, dpi);
    invert(surface.get()); // cairo writes an A8 surface as an 8-bit grey PNG of its bytes
    detail::writePngWithDpi(surface.get(), dpi, file);
}

void renderPdf(const core::CardTemplate& tpl, const std::vector<CardContent>& cards, const std::filesystem::path& file) {
    SurfacePtr surface(cairo_pdf_surface_create(file.c_str(), tpl.pageWidthMm * kPtPerMm, tpl.pageHeightMm * kPtPerMm),
                       &cairo_surface_destroy);
    checkStatus(cairo_surface_status(surface.get()), file.string() + ": cannot create PDF");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, (tpl.title + " (" + tpl.id + ")").c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "ScanStation");
    ContextPtr cr(cairo_create(surface.get()), &cairo_destroy);
    cairo_scale(cr.get(), kPtPerMm, kPtPerMm);
    for (const auto& card : cards) {
        detail::drawCard(cr.get(), tpl, card, detail::InkModel::Colour);
        cairo_show_page(cr.get());
    }
    checkStatus(cairo_status(cr.get()), file.string() + ": drawing the cards failed");
    cr.reset();
    cairo_surface_finish(surface.get());
    checkStatus(cairo_surface_status(surface.get()), file.string() + ": cannot write PDF");
}

} // namespace scanstation::templates
