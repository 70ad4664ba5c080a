#include "scan_report_output.hpp"

#include "ingest_cli_support.hpp"

#include <iostream>

namespace scanstation::cli {

void printStoredPage(const scanner::PageReport& r, bool json) {
    if (json) {
        std::cout << "{\"stored\":true,\"index\":" << r.index << ",\"pageHash\":" << jsonString(r.pageHash)
                  << ",\"source\":" << jsonString(r.source) << ",\"page\":" << r.pageNumber
                  << ",\"outcome\":" << jsonString(core::toString(r.result.outcome))
                  << ",\"serial\":" << jsonString(r.result.serial) << ",\"image\":" << jsonString(r.imagePath)
                  << ",\"findings\":[";
        for (std::size_t i = 0; i < r.result.findings.size(); ++i)
            std::cout << (i ? "," : "") << "{\"code\":" << jsonString(r.result.findings[i].code)
                      << ",\"field\":" << jsonString(r.result.findings[i].fieldId)
                      << ",\"message\":" << jsonString(r.result.findings[i].message) << "}";
        std::cout << "]}" << std::endl; // flushed: the line is the promise that the page is stored
        return;
    }
    std::cout << "stored " << r.index << " " << r.pageHash << " " << core::toString(r.result.outcome) << " "
              << (r.result.serial.empty() ? "-" : r.result.serial) << " " << r.source << "#" << r.pageNumber << ": "
              << r.result.message << std::endl;
    for (const auto& f : r.result.findings)
        std::cout << "    " << f.code << (f.fieldId.empty() ? "" : " " + f.fieldId) << ": " << f.message << "\n";
}

void printIngestSummary(const scanner::IngestSummary& s, bool json) {
    if (json) {
        std::cout << "{\"summary\":{\"pages\":" << s.pages << ",\"read\":" << s.read
                  << ",\"needsReview\":" << s.needsReview << ",\"rejected\":" << s.rejected
                  << ",\"duplicates\":" << s.duplicates << ",\"notCards\":" << s.notCards
                  << ",\"faults\":" << s.faults << ",\"end\":" << jsonString(s.end) << "}}" << std::endl;
        return;
    }
    std::cout << "pages " << s.pages << ": read " << s.read << ", needs review " << s.needsReview << ", rejected "
              << s.rejected << ", duplicates " << s.duplicates << ", not cards " << s.notCards << ", faults "
              << s.faults << " (" << s.end << ")" << std::endl;
}

} // namespace scanstation::cli
