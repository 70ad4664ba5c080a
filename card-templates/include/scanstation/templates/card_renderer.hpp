#pragma once
// Draws a card: one drawing routine (cairo) behind three outputs, so the PDF a teacher gets,
// the PNG in the README and the raster the recognition tests read are the same drawing.
//  - PDF: exact A4 (page size from the template), vector marks, bubbles, text and QR modules,
//    DejaVu Sans embedded (Polish and Cyrillic names print right), one page per card;
//  - PNG: 8-bit grey at a chosen dpi;
//  - Raster: the same grey pixels in memory.
// Safe to call from several threads at once (each call has its own surface).
#include "scanstation/core/card_template.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::templates {

// 8-bit grey, 0 = black ink, 255 = white paper; rows top first, `stride` bytes per row
// (stride == width). Pixel (px, py) covers card millimetres [px, px+1) * 25.4 / dpi, so the
// centre of pixel (px, py) is at ((px + 0.5) * 25.4 / dpi, (py + 0.5) * 25.4 / dpi) mm.
struct Raster {
    int width = 0;
    int height = 0;
    int stride = 0;
    double dpi = 0;
    std::vector<std::uint8_t> gray;

    std::uint8_t at(int px, int py) const { return gray[static_cast<std::size_t>(py) * stride + px]; }
};

// What is printed on a row of the card beside its bubbles.
struct PrintedRow {
    int row = 0;                // 0-based template row (row.01 is row 0)
    std::string registerNumber; // e.g. "7"
    std::string name;           // e.g. "Łukasz Żółkiewski", "Анна Смирнова"
};

// Everything that varies from card to card.
struct CardContent {
    std::string identityPayload;         // encoded as a QR code (core/card_identity.hpp); empty = no code
    std::string serial;                  // printed in clear under the code, e.g. "00000042"
    std::string title;                   // first header line; empty = the template's title
    std::vector<std::string> headerLines; // further lines, e.g. "2b · Matematyka · 2026-11-23 · lekcja 3"
    std::vector<PrintedRow> rows;        // rows not listed are printed without number or name
};

// Rows 1..rowCount with their register number and no name: what an outage card prints.
std::vector<PrintedRow> registerNumberRows(const core::CardTemplate& tpl);

// Renders one card into memory. Throws Error{BadInput} for a dpi outside 50..1200 or a payload
// too long for a QR code, Error{Infrastructure} when cairo or the font fails.
Raster renderRaster(const core::CardTemplate& tpl, const CardContent& card, double dpi);

// Writes one card as an 8-bit grey PNG at `dpi`.
void renderPng(const core::CardTemplate& tpl, const CardContent& card, double dpi,
               const std::filesystem::path& file);

// Writes the cards as one PDF, one A4 page per card, in order.
void renderPdf(const core::CardTemplate& tpl, const std::vector<CardContent>& cards,
               const std::filesystem::path& file);

// Ink drawn by the renderer, documented for recognition (see card-templates/README.md):
inline constexpr double kBubbleOutlineMm = 0.25;   // black circle outline, centred on the radius
inline constexpr double kBubbleLabelGray = 0.6;    // label inside a bubble: 60 % white (light grey)
inline constexpr double kMarkQuietZoneMm = 3.0;    // white margin kept around each registration mark

} // namespace scanstation::templates
