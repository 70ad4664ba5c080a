#include "scanstation/templates/badge_printer.hpp"

#include "font_faces.hpp"
#include "png_writer.hpp"
#include "qr_code.hpp"
#include "scanstation/core/error.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cmath>
#include <memory>

namespace scanstation::templates {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kMarginMm = 4;
constexpr double kQrSideMm =
    40; // with its 4-module quiet zone; modules ~1 mm: a camera reads it at arm's length
constexpr double kTextWidthMm = kBadgeWidthMm - kQrSideMm - kMarginMm - 2;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

// Text at (x, y) mm (baseline), `sizePt` shrunk until it fits the text column.
void fittedText(cairo_t* cr, double yMm, const std::string& text, double sizePt, bool bold) {
    cairo_set_font_face(cr, detail::dejaVuSans(bold));
    double size = sizePt / kPtPerMm;
    cairo_text_extents_t ext;
    for (;;) {
        cairo_set_font_size(cr, size);
        cairo_text_extents(cr, text.c_str(), &ext);
        if (ext.x_advance <= kTextWidthMm || size < 1.2)
            break;
        size *= 0.9;
    }
    cairo_move_to(cr, kMarginMm, yMm);
    cairo_show_text(cr, text.c_str());
}

void drawQr(cairo_t* cr, double xMm, double yMm, const std::string& payload) {
    const auto m = detail::encodeQr(payload);
    const double module = kQrSideMm / (m.size + 8);
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
            if (m.at(x, y))
                cairo_rectangle(cr, xMm + (x + 4) * module, yMm + (y + 4) * module, module, module);
    cairo_fill(cr);
}

// One user unit = 1 mm from the badge's top-left corner.
void drawBadge(cairo_t* cr, const BadgeContent& b) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.2);
    cairo_rectangle(cr, 0.1, 0.1, kBadgeWidthMm - 0.2, kBadgeHeightMm - 0.2); // the cutting line
    cairo_stroke(cr);
    fittedText(cr, 9, b.school, 8, false);
    fittedText(cr, 17, "Identyfikator operatora / operator badge", 6.5, false);
    fittedText(cr, 28, b.name, 13, true);
    fittedText(cr, 35, b.role, 9, false);
    fittedText(cr, 41, b.login, 9, false);
    fittedText(cr, 50, "ScanStation", 6, true);
    drawQr(cr, kBadgeWidthMm - kQrSideMm - 1, (kBadgeHeightMm - kQrSideMm) / 2, b.token);
}

void check(cairo_surface_t* s, const std::filesystem::path& file) {
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Infrastructure, "cannot write the badge " + file.string() + ": " +
                                                   cairo_status_to_string(cairo_surface_status(s)));
}

} // namespace

void printBadge(const BadgeContent& badge, const std::filesystem::path& file, double dpi) {
    if (badge.token.empty())
        throw Error(ErrorKind::BadInput, "a badge without a token");
    const auto ext = file.extension().string();
    if (ext == ".pdf") {
        Surface surface(cairo_pdf_surface_create(file.c_str(), kBadgeWidthMm * kPtPerMm,
                                                 kBadgeHeightMm * kPtPerMm));
        check(surface.get(), file);
        Context cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), kPtPerMm, kPtPerMm);
        drawBadge(cr.get(), badge);
        cairo_show_page(cr.get());
        cr.reset();
        cairo_surface_finish(surface.get());
        check(surface.get(), file);
        return;
    }
    if (ext != ".png")
        throw Error(ErrorKind::BadInput,
                    "badge file " + file.string() + ": the name must end in .pdf or .png");
    if (dpi < 72 || dpi > 1200)
        throw Error(ErrorKind::BadInput,
                    "badge resolution " + std::to_string(dpi) + " dpi is outside 72..1200");
    const double pxPerMm = dpi / 25.4;
    Surface surface(cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(kBadgeWidthMm * pxPerMm)),
        static_cast<int>(std::lround(kBadgeHeightMm * pxPerMm))));
    check(surface.get(), file);
    Context cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pxPerMm, pxPerMm);
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE); // crisp QR modules
    drawBadge(cr.get(), badge);
    cr.reset();
    cairo_surface_flush(surface.get());
    detail::writePngWithDpi(surface.get(), dpi, file);
}

} // namespace scanstation::templates
