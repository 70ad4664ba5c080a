#include "card_drawing.hpp"

#include "code128.hpp"
#include "font_faces.hpp"
#include "qr_code.hpp"
#include "scanstation/templates/fallback_code.hpp"

#include <algorithm>
#include <string>

namespace scanstation::templates::detail {
namespace {

constexpr double kMmPerPt = 25.4 / 72.0;
constexpr double kRowRuleGray = 0.75; // guide line under the name column
constexpr double kBoxGray = 0.45;     // outline of the handwritten topic box

class Painter {
public:
    Painter(cairo_t* cr, InkModel ink) : m_cr(cr), m_ink(ink) {}

    // gray: 0 = black, 1 = white paper.
    void ink(double gray) const {
        if (m_ink == InkModel::Alpha)
            cairo_set_source_rgba(m_cr, 0, 0, 0, 1 - gray);
        else
            cairo_set_source_rgb(m_cr, gray, gray, gray);
    }

    void font(double sizePt, bool bold) const {
        cairo_set_font_face(m_cr, dejaVuSans(bold));
        cairo_set_font_size(m_cr, sizePt * kMmPerPt);
    }

    double width(const std::string& text) const {
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, text.c_str(), &e);
        return e.x_advance;
    }

    // Text whose baseline starts at (x, y), shrunk so it is at most maxWidth mm wide.
    void text(const std::string& text, double x, double y, double sizePt, bool bold, double maxWidth = 1e9) const {
        font(sizePt, bold);
        const double w = width(text);
        if (w > maxWidth && maxWidth > 0)
            font(sizePt * maxWidth / w, bold);
        cairo_move_to(m_cr, x, y);
        cairo_show_text(m_cr, text.c_str());
    }

    void rightAlignedText(const std::string& text, double right, double y, double sizePt, bool bold) const {
        font(sizePt, bold);
        cairo_move_to(m_cr, right - width(text), y);
        cairo_show_text(m_cr, text.c_str());
    }

    // Centred on (cx, cy) by its ink box, fitted into maxWidth.
    void centredText(const std::string& text, double cx, double cy, double sizePt, double maxWidth) const {
        font(sizePt, false);
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, text.c_str(), &e);
        if (e.width > maxWidth) {
            font(sizePt * maxWidth / e.width, false);
            cairo_text_extents(m_cr, text.c_str(), &e);
        }
        cairo_move_to(m_cr, cx - e.x_bearing - e.width / 2, cy - e.y_bearing - e.height / 2);
        cairo_show_text(m_cr, text.c_str());
    }

    cairo_t* cr() const { return m_cr; }

private:
    cairo_t* m_cr;
    InkModel m_ink;
};

void drawMarks(const Painter& p, const core::CardTemplate& tpl) {
    p.ink(0);
    for (const auto& m : tpl.registrationMarks)
        cairo_rectangle(p.cr(), m.centre.x - m.size / 2, m.centre.y - m.size / 2, m.size, m.size);
    cairo_fill(p.cr());
}

void drawBubbles(const Painter& p, const core::CardTemplate& tpl) {
    cairo_set_line_width(p.cr(), kBubbleOutlineMm);
    p.ink(0);
    for (const auto& f : tpl.fields) {
        for (const auto& o : f.options) {
            cairo_new_sub_path(p.cr());
            cairo_arc(p.cr(), o.centre.x, o.centre.y, o.radius, 0, 2 * 3.14159265358979323846);
        }
    }
    cairo_stroke(p.cr());
    p.ink(kBubbleLabelGray);
    for (const auto& f : tpl.fields)
        for (const auto& o : f.options)
            if (!o.printedLabel.empty())
                p.centredText(o.printedLabel, o.centre.x, o.centre.y, 5.5, o.radius * 1.45);
}

void drawQr(const Painter& p, const core::RectMm& region, const std::string& payload) {
    const QrMatrix qr = encodeQr(payload);
    const int quiet = 4; // modules of white around the symbol, inside the region
    const double module = std::min(region.width, region.height) / (qr.size + 2 * quiet);
    const double x0 = region.x + (region.width - module * qr.size) / 2;
    const double y0 = region.y + (region.height - module * qr.size) / 2;
    p.ink(0);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size;) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < qr.size && qr.at(x + run, y))
                ++run;
            cairo_rectangle(p.cr(), x0 + x * module, y0 + y * module, run * module, module);
            x += run;
        }
    }
    cairo_fill(p.cr()); // one fill: adjacent modules have no seams between them
}

// Each chunk one column running down the strip (start at the top), the bars across it; the
// columns share the strip's width with a 2 mm gap between them.
void drawFallbackCode(const Painter& p, const core::CardTemplate& tpl, const std::string& payload) {
    const auto chunks = fallbackCodeChunks(tpl, payload);
    if (chunks.empty())
        return;
    const core::RectMm strip = fallbackCodeRegion(tpl);
    const double pitch = strip.width / static_cast<double>(chunks.size());
    p.ink(0);
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        const double x = strip.x + static_cast<double>(c) * pitch + 1;
        double y = strip.y + kFallbackQuietModules * kFallbackModuleMm;
        bool bar = true;
        for (const int w : code128Widths(chunks[c])) {
            if (bar)
                cairo_rectangle(p.cr(), x, y, pitch - 2, w * kFallbackModuleMm);
            y += w * kFallbackModuleMm;
            bar = !bar;
        }
    }
    cairo_fill(p.cr());
}

void drawHeader(const Painter& p, const core::CardTemplate& tpl, const CardContent& card) {
    const auto& r = tpl.headerTextRegion;
    p.ink(0);
    double y = r.y + 3.4;
    p.text(card.title.empty() ? tpl.title : card.title, r.x, y, 10, true, r.width);
    for (const auto& line : card.headerLines) {
        y += 3.3;
        if (y > r.y + r.height + 0.5)
            break; // the region is full; the template decides how much header fits
        p.text(line, r.x, y, 7.5, false, r.width);
    }
    if (!card.identityPayload.empty()) {
        drawQr(p, tpl.identityCodeRegion, card.identityPayload);
        drawFallbackCode(p, tpl, card.identityPayload);
    }
    if (!card.serial.empty()) {
        const auto& q = tpl.identityCodeRegion;
        p.text("Nr karty " + card.serial, q.x + 1, q.y + q.height + 3, 7, false, q.width - 2);
    }
}

void drawTexts(const Painter& p, const core::CardTemplate& tpl) {
    p.ink(0);
    for (const auto& t : tpl.texts)
        p.text(t.text, t.position.x, t.position.y, t.sizePt, t.bold);
    if (const auto& box = tpl.handwrittenTopicRegion) {
        p.ink(kBoxGray);
        cairo_set_line_width(p.cr(), 0.3);
        cairo_rectangle(p.cr(), box->x, box->y, box->width, box->height);
        cairo_stroke(p.cr());
    }
}

void drawRows(const Painter& p, const core::CardTemplate& tpl, const CardContent& card) {
    const double textDrop = 1.1; // mm from the row's centre line down to the text baseline
    p.ink(kRowRuleGray);
    cairo_set_line_width(p.cr(), 0.15);
    for (const auto& row : tpl.rows) {
        if (row.nameWidth <= 0)
            continue;
        cairo_move_to(p.cr(), row.numberRightX - 7, row.centreY + 2.6);
        cairo_line_to(p.cr(), row.nameX + row.nameWidth, row.centreY + 2.6);
    }
    cairo_stroke(p.cr());
    p.ink(0);
    for (const auto& row : tpl.rows) {
        const auto printed = std::find_if(card.rows.begin(), card.rows.end(), [&](const auto& r) { return r.row == row.row; });
        if (printed == card.rows.end())
            continue;
        p.rightAlignedText(printed->registerNumber, row.numberRightX, row.centreY + textDrop, 8, true);
        if (row.nameWidth > 0)
            p.text(printed->name, row.nameX, row.centreY + textDrop, 8, false, row.nameWidth);
    }
}

} // namespace

void drawCard(cairo_t* cr, const core::CardTemplate& tpl, const CardContent& card, InkModel ink) {
    const Painter p(cr, ink);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    drawMarks(p, tpl);
    drawTexts(p, tpl);
    drawHeader(p, tpl, card);
    drawRows(p, tpl, card);
    drawBubbles(p, tpl);
}

} // namespace scanstation::templates::detail
