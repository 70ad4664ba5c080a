#include "reports/report_page.hpp"

#include "font_faces.hpp"
#include "qr_code.hpp"
#include "scanstation/core/error.hpp"

#include <cairo-pdf.h>

namespace scanstation::templates::detail {

namespace {
constexpr double kPtPerMm = 72.0 / 25.4;
}

ReportPdf::ReportPdf(const std::filesystem::path& file) : m_file(file) {
    m_surface = cairo_pdf_surface_create(file.c_str(), 210 * kPtPerMm, 297 * kPtPerMm);
    if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Infrastructure, "cannot create PDF " + file.string() + ": " +
                                                   cairo_status_to_string(cairo_surface_status(m_surface)));
    m_cr = cairo_create(m_surface);
    cairo_scale(m_cr, kPtPerMm, kPtPerMm); // user space in mm
}

ReportPdf::~ReportPdf() {
    if (m_cr)
        cairo_destroy(m_cr);
    if (m_surface)
        cairo_surface_destroy(m_surface);
}

void ReportPdf::text(double xMm, double yMm, const std::string& text, double sizePt, bool bold) {
    cairo_set_font_face(m_cr, dejaVuSans(bold));
    cairo_set_font_size(m_cr, sizePt / kPtPerMm);
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_move_to(m_cr, xMm, yMm);
    cairo_show_text(m_cr, text.c_str());
}

void ReportPdf::line(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm) {
    cairo_set_line_width(m_cr, widthMm);
    cairo_move_to(m_cr, x1Mm, y1Mm);
    cairo_line_to(m_cr, x2Mm, y2Mm);
    cairo_stroke(m_cr);
}

void ReportPdf::qr(double xMm, double yMm, double sideMm, const std::string& payload) {
    const auto m = encodeQr(payload);
    const double module = sideMm / (m.size + 8); // 4-module quiet zone on each side
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
            if (m.at(x, y))
                cairo_rectangle(m_cr, xMm + (x + 4) * module, yMm + (y + 4) * module, module, module);
    cairo_fill(m_cr);
}

void ReportPdf::nextPage() {
    cairo_show_page(m_cr);
}

void ReportPdf::finish() {
    cairo_show_page(m_cr);
    cairo_surface_finish(m_surface);
    if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
        throw Error(ErrorKind::Infrastructure, "cannot write PDF " + m_file.string() + ": " +
                                                   cairo_status_to_string(cairo_surface_status(m_surface)));
}

} // namespace scanstation::templates::detail
