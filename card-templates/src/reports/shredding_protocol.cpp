#include "reports/report_page.hpp"
#include "scanstation/templates/report_printer.hpp"

#include <ctime>

namespace scanstation::templates {

namespace {

constexpr int kRowsPerPage = 40;

std::string timeOfDay(core::TimePoint t) {
    const std::time_t s = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M UTC", &tm);
    return buf;
}

void header(detail::ReportPdf& pdf, const ShreddingProtocol& p, int page, int pages) {
    pdf.text(20, 20, p.school, 11);
    pdf.text(20, 32, "Protokół zniszczenia dokumentów", 16, true);
    pdf.text(20, 39, "Record of document destruction: scanned register cards", 9);
    pdf.text(20, 48, "Data / date: " + p.date.toString() + "    Operator: " + p.operatorName, 10);
    pdf.text(20, 54, "Poziom bezpieczeństwa / security level: " + p.securityLevel +
                         "    Liczba kart / cards: " + std::to_string(p.cards.size()),
             10);
    pdf.text(170, 20, "str. " + std::to_string(page) + "/" + std::to_string(pages), 8);
    pdf.text(20, 64, "Nr karty", 9, true);
    pdf.text(45, 64, "Lekcja / lesson", 9, true);
    pdf.text(145, 64, "Godz.", 9, true);
    pdf.text(165, 64, "Sposób", 9, true);
    pdf.line(20, 66, 190, 66, 0.2);
}

} // namespace

void printShreddingProtocol(const ShreddingProtocol& p, const std::filesystem::path& file) {
    detail::ReportPdf pdf(file);
    const int pages = std::max(1, static_cast<int>((p.cards.size() + kRowsPerPage - 1) / kRowsPerPage));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            pdf.nextPage();
        header(pdf, p, page + 1, pages);
        for (int r = 0; r < kRowsPerPage; ++r) {
            const std::size_t i = static_cast<std::size_t>(page * kRowsPerPage + r);
            if (i >= p.cards.size())
                break;
            const auto& c = p.cards[i];
            const double y = 72 + r * 5.0;
            pdf.text(20, y, c.serial, 9);
            pdf.text(45, y, c.lesson, 9);
            pdf.text(145, y, timeOfDay(c.at), 9);
            pdf.text(165, y, c.method == "day" ? "stos dnia" : "karta", 9);
        }
    }
    if (p.cards.empty())
        pdf.text(20, 72, "Brak kart zniszczonych tego dnia / no cards were shredded on this day", 10);
    // Signatures on the last page.
    pdf.text(20, 278, "Dokumenty zniszczono w niszczarce zgodnie z 004 rozdz. 13 §3.", 8);
    pdf.line(20, 270, 90, 270);
    pdf.line(120, 270, 190, 270);
    pdf.text(20, 274, "podpis operatora / operator (" + p.operatorName + ")", 8);
    pdf.text(120, 274, "podpis świadka / witness" + (p.witness.empty() ? "" : " (" + p.witness + ")"), 8);
    pdf.line(20, 290, 90, 290);
    pdf.text(20, 294, "zatwierdził dyrektor / approved by the director", 8);
    pdf.finish();
}

} // namespace scanstation::templates
