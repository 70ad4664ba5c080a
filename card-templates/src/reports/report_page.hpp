#pragma once
// A tiny text layout helper for A4 report pages (cairo PDF), units mm from the top-left corner.
#include <cairo.h>

#include <filesystem>
#include <string>

namespace scanstation::templates::detail {

class ReportPdf {
public:
    explicit ReportPdf(const std::filesystem::path& file); // A4 portrait
    ~ReportPdf();
    ReportPdf(const ReportPdf&) = delete;
    ReportPdf& operator=(const ReportPdf&) = delete;

    // Draws text with its baseline's left end at (x, y) mm, size in points.
    void text(double xMm, double yMm, const std::string& text, double sizePt, bool bold = false);
    void line(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm = 0.3);
    void qr(double xMm, double yMm, double sideMm, const std::string& payload);
    void nextPage();
    void finish(); // flushes and checks the surface; throws Error{Infrastructure}

private:
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
    std::filesystem::path m_file;
};

} // namespace scanstation::templates::detail
