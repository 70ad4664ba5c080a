#include "corpus_scoring.hpp"

#include <algorithm>
#include <cstdio>

namespace scanstation::bench {
namespace {

constexpr std::size_t kLogLimit = 20;

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ",") + x;
    return s.empty() ? "-" : s;
}

std::string describeBubbles(const scanner::FieldReading& f) {
    std::string s;
    char buf[160];
    for (const auto& b : f.bubbles) {
        std::snprintf(buf, sizeof buf, " [%s fill %.2f cov %.2f peak %.2f arc %.2f runs %d spread %.0f ofill %.2f gap %.2f %s]",
                      b.value.c_str(), b.fill, b.coverage, b.peak, b.outerArc, b.outerRuns, b.outerSpreadDeg, b.outerFill, b.gapInkAfter,
                      scanner::toString(b.state).c_str());
        s += buf;
    }
    return s;
}

} // namespace

scanner::ImageView viewOf(const cv::Mat& image, double dpi) {
    return {image.data, image.cols, image.rows, static_cast<int>(image.step[0]),
            image.channels() == 1 ? scanner::PixelFormat::Gray8 : scanner::PixelFormat::Rgb8, dpi};
}

void CorpusScore::add(const CorpusPage& page, const scanner::PageRecognition& r) {
    ++pages;
    recognitionMs += r.timing.total;
    stepMs.prepare += r.timing.prepare;
    stepMs.marks += r.timing.marks;
    stepMs.transform += r.timing.transform;
    stepMs.identity += r.timing.identity;
    stepMs.bubbles += r.timing.bubbles;
    stepMs.decide += r.timing.decide;
    if (page.blank) {
        ++blanks;
        blanksRight += r.status == scanner::PageStatus::Blank;
        return;
    }
    ++cards;
    const bool read = r.status == scanner::PageStatus::Read || r.status == scanner::PageStatus::NeedsReview;
    if (!read || !r.card) {
        ++unidentifiedByStatus[scanner::toString(r.status) + (r.issues.empty() ? "" : ":" + r.issues.front().code)];
        if (unidentifiedLog.size() < kLogLimit)
            unidentifiedLog.push_back(page.serial + " (" + page.degradation + "): " + scanner::toString(r.status) +
                                      (r.issues.empty() ? "" : " " + r.issues.front().message));
        return;
    }
    if (r.card->serial != page.serial || r.card->templateId != page.templateId) {
        ++misidentified;
        return;
    }
    ++identified;
    for (const auto& f : r.fields) {
        const auto it = page.truth.find(f.fieldId);
        if (it == page.truth.end())
            continue;
        ++fields;
        for (const auto& b : f.bubbles) {
            std::string drawn = "empty";
            const auto& t = it->second;
            for (std::size_t k = 0; k < t.values.size(); ++k)
                if (t.values[k] == b.value)
                    drawn = toString(t.styles[k]);
            if (drawn == "empty" && t.distractor)
                drawn = "erasure?";
            if (drawn == "empty" && t.cancelled)
                drawn = "cancelled?";
            fillByDrawing[drawn].emplace_back(b.fill, b.coverage);
        }
        if (f.flagged) {
            ++flagged;
            ++flaggedByReason[scanner::toString(*f.reason)];
            continue;
        }
        std::vector<std::string> want = it->second.values, got = f.values;
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        if (want == got) {
            ++right;
            continue;
        }
        ++silentErrors;
        if (silentErrorLog.size() < kLogLimit) {
            std::string styles;
            for (auto s : it->second.styles)
                styles += std::string(toString(s)) + " ";
            silentErrorLog.push_back(page.serial + " " + f.fieldId + ": meant " + join(want) + " (" + styles +
                                     (it->second.cancelled ? "cancelled " : "") +
                                     (it->second.distractor ? "distractor" : "") + ") read " + join(got) + " | " +
                                     page.degradation + " |" + describeBubbles(f));
        }
    }
}

std::string CorpusScore::report(const std::string& title) const {
    char buf[1024];
    std::string s = "== " + title + " ==\n";
    std::snprintf(buf, sizeof buf,
                  "pages %ld (cards %ld, blank backs %ld, blank recognised %ld)\n"
                  "cards identified %ld (%.3f %%), not identified %ld, misidentified %ld\n"
                  "fields %ld: right and unflagged %ld (%.3f %%), SILENT ERRORS %ld, flagged %ld (%.3f %%)\n"
                  "recognition time per page %.2f ms (in memory, decode excluded)\n",
                  pages, cards, blanks, blanksRight, identified, 100.0 * identifiedShare(), cards - identified - misidentified,
                  misidentified, fields, right, fields ? 100.0 * static_cast<double>(right) / static_cast<double>(fields) : 0.0, silentErrors, flagged,
                  100.0 * flaggedShare(), pages ? recognitionMs / static_cast<double>(pages) : 0.0);
    s += buf;
    const double n = static_cast<double>(std::max(1L, pages));
    std::snprintf(buf, sizeof buf, "  steps ms/page: prepare %.2f marks %.2f transform %.2f identity %.2f bubbles %.2f decide %.2f\n",
                  stepMs.prepare / n, stepMs.marks / n, stepMs.transform / n, stepMs.identity / n, stepMs.bubbles / n,
                  stepMs.decide / n);
    s += buf;
    for (const auto& [reason, count] : flaggedByReason)
        s += "  flagged " + reason + ": " + std::to_string(count) + "\n";
    for (const auto& [status, count] : unidentifiedByStatus)
        s += "  not identified " + status + ": " + std::to_string(count) + "\n";
    return s;
}

} // namespace scanstation::bench

namespace scanstation::bench {

std::string CorpusScore::fillStatistics() const {
    std::string s;
    char buf[256];
    for (auto [drawn, v] : fillByDrawing) {
        auto at = [&](double q) { return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))]; };
        std::sort(v.begin(), v.end());
        std::snprintf(buf, sizeof buf, "  fill %-10s n=%-7zu min %.3f p1 %.3f p5 %.3f med %.3f p95 %.3f p99 %.3f max %.3f\n",
                      drawn.c_str(), v.size(), v.front().first, at(0.01).first, at(0.05).first, at(0.5).first,
                      at(0.95).first, at(0.99).first, v.back().first);
        s += buf;
        for (auto& p : v)
            std::swap(p.first, p.second);
        std::sort(v.begin(), v.end());
        std::snprintf(buf, sizeof buf, "  cov  %-10s n=%-7zu min %.3f p1 %.3f p5 %.3f med %.3f p95 %.3f p99 %.3f max %.3f\n",
                      drawn.c_str(), v.size(), v.front().first, at(0.01).first, at(0.05).first, at(0.5).first,
                      at(0.95).first, at(0.99).first, v.back().first);
        s += buf;
    }
    return s;
}

} // namespace scanstation::bench
