// bench_accuracy: generates corpus cards with known truth, recognises them and prints, per
// class, fields right and unflagged, silent errors, flagged share, pages not identified and
// time per page. Usage: bench_accuracy [--scanner N] [--photo N] [--seed S] [--verbose]
//                                       [--dump DIR]  (writes the first pages as PNG)
#include "corpus_card.hpp"
#include "corpus_scoring.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

using namespace scanstation;

int main(int argc, char** argv) {
    long scannerCards = 1000, photoCards = 200;
    std::uint64_t seed = 20261123;
    bool verbose = false;
    std::string dump;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--scanner")
            scannerCards = std::stol(next());
        else if (a == "--photo")
            photoCards = std::stol(next());
        else if (a == "--seed")
            seed = std::stoull(next());
        else if (a == "--verbose")
            verbose = true;
        else if (a == "--dump")
            dump = next();
        else {
            std::cerr << "usage: bench_accuracy [--scanner N] [--photo N] [--seed S] [--verbose] [--dump DIR]\n";
            return 2;
        }
    }
    const auto templates = templates::loadTemplateDir(templates::shippedTemplateDir());
    const scanner::Recognizer recognizer(
        {templates, scanner::stationIdentityVerifier(bench::corpusKey(), bench::kCorpusSchool), {}});
    int exitCode = 0;
    for (auto kind : {bench::CorpusClass::Scanner, bench::CorpusClass::Photo}) {
        const long n = kind == bench::CorpusClass::Scanner ? scannerCards : photoCards;
        if (n <= 0)
            continue;
        bench::CorpusOptions options;
        options.seed = seed + (kind == bench::CorpusClass::Photo ? 1 : 0);
        options.kind = kind;
        bench::CorpusGenerator generator(templates, bench::corpusKey(), bench::kCorpusSchool, options);
        bench::CorpusScore score;
        for (long i = 0; i < n; ++i) {
            const bench::CorpusPage page = generator.next();
            const auto result = recognizer.recognize(bench::viewOf(page.image, page.dpi));
            const bool failed = !page.blank && result.status != scanner::PageStatus::Read &&
                                result.status != scanner::PageStatus::NeedsReview;
            if (!dump.empty() && (i < 5 || failed)) {
                std::filesystem::create_directories(dump);
                const std::string name = dump + "/" + bench::toString(kind) + "-" + std::to_string(i) +
                                         (failed ? "-failed-" + page.serial : "");
                cv::imwrite(name + ".png", page.image);
                cv::Mat preview; // small enough to look at
                const double f = 900.0 / std::max(page.image.cols, page.image.rows);
                cv::resize(page.image, preview, cv::Size(), f, f, cv::INTER_AREA);
                cv::imwrite(name + "-preview.png", preview);
            }
            score.add(page, result);
            if ((i + 1) % 500 == 0) // running totals: a long run on a shared machine shows where it is
                std::cerr << bench::toString(kind) << " " << i + 1 << "/" << n << ": identified " << score.identified
                          << "/" << score.cards << ", fields " << score.fields << ", silent errors "
                          << score.silentErrors << ", flagged " << score.flagged << std::endl;
        }
        std::cout << score.report(std::string(bench::toString(kind)) + " class, seed " + std::to_string(options.seed));
        if (verbose) {
            std::cout << score.fillStatistics();
            for (const auto& e : score.silentErrorLog)
                std::cout << "  SILENT " << e << "\n";
            for (const auto& e : score.unidentifiedLog)
                std::cout << "  UNIDENTIFIED " << e << "\n";
        }
        if (score.silentErrors > 0)
            exitCode = 1;
    }
    return exitCode;
}
