#pragma once
// Scores recognition results against a corpus page's truth. Misreads are counted apart from
// flags and from pages not identified: a silent error is a field reported unflagged and wrong.
#include "corpus_card.hpp"
#include "scanstation/scanner/recognizer.hpp"

#include <map>
#include <string>
#include <vector>

namespace scanstation::bench {

scanner::ImageView viewOf(const cv::Mat& image, double dpi);

struct CorpusScore {
    long pages = 0, cards = 0, blanks = 0, blanksRight = 0;
    long identified = 0, misidentified = 0;
    long fields = 0, right = 0, silentErrors = 0, flagged = 0;
    double recognitionMs = 0;
    scanner::StepTimings stepMs; // sums
    std::map<std::string, long> flaggedByReason;
    std::map<std::string, long> unidentifiedByStatus;
    std::vector<std::string> silentErrorLog; // the first few, described
    std::vector<std::string> unidentifiedLog;

    // Inside fill and coverage of bubbles by what was drawn in them ("empty", "full", ...).
    std::map<std::string, std::vector<std::pair<double, double>>> fillByDrawing;

    void add(const CorpusPage& page, const scanner::PageRecognition& result);
    std::string fillStatistics() const;
    double flaggedShare() const { return fields ? static_cast<double>(flagged) / static_cast<double>(fields) : 0; }
    double identifiedShare() const { return cards ? static_cast<double>(identified) / static_cast<double>(cards) : 0; }
    std::string report(const std::string& title) const;
};

} // namespace scanstation::bench
