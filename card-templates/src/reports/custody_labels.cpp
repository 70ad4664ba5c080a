#include "reports/report_page.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/templates/report_printer.hpp"

namespace scanstation::templates {

// One page per day's stack; the serials in columns of 40, five columns to a page.
void printCustodyLabels(const std::vector<core::CustodyLabel>& labels, const std::filesystem::path& file) {
    if (labels.empty())
        throw Error(ErrorKind::BadInput, "no custody labels to print");
    detail::ReportPdf pdf(file);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto& l = labels[i];
        if (i > 0)
            pdf.nextPage();
        pdf.text(20, 25, l.school, 11);
        pdf.text(20, 40, "Karty do przechowania / cards held in custody", 14, true);
        pdf.text(20, 55, "Dzień / day: " + l.day.toString(), 20, true);
        pdf.text(20, 67, "Liczba kart / cards: " + std::to_string(l.serials.size()), 14);
        pdf.text(20, 79, "Kod / code: " + l.code, 14, true);
        pdf.qr(160, 30, 35, l.code);
        pdf.text(20, 92, "Nie niszczyć przed potwierdzeniem z dziennika / do not shred before the register confirms", 8);
        for (std::size_t s = 0; s < l.serials.size() && s < 200; ++s)
            pdf.text(20 + static_cast<double>(s / 40) * 36, 105 + static_cast<double>(s % 40) * 4.5, l.serials[s], 9);
        if (l.serials.size() > 200)
            pdf.text(20, 290, "... and " + std::to_string(l.serials.size() - 200) + " more (see `scanstation custody`)", 8);
    }
    pdf.finish();
}

} // namespace scanstation::templates
