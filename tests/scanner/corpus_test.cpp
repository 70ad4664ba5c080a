// The generated corpus under CTest: a few hundred cards of both classes with a fixed seed.
// A silent error (a field reported unflagged and wrong) fails the test outright; flags and
// unidentified pages must stay under their ceilings. Kept small for ASan; the full-size
// figures come from bench_accuracy (bench/RESULTS.md).
#include "card_fixture.hpp"
#include "corpus_scoring.hpp"

#include <gtest/gtest.h>

#include <iostream>

namespace scanstation::testing {
namespace {

bench::CorpusScore runCorpus(bench::CorpusClass kind, int cards, std::uint64_t seed) {
    bench::CorpusOptions options;
    options.seed = seed;
    options.kind = kind;
    options.scannerDpis = {150, 200}; // lower dpi keeps the ASan run short
    bench::CorpusGenerator generator(shippedTemplates(), bench::corpusKey(), bench::kCorpusSchool, options);
    bench::CorpusScore score;
    for (int i = 0; i < cards; ++i) {
        const auto page = generator.next();
        score.add(page, corpusRecognizer().recognize(view(page.image, page.dpi)));
    }
    std::cout << score.report(bench::toString(kind));
    for (const auto& e : score.silentErrorLog)
        std::cout << "  SILENT " << e << "\n";
    return score;
}

TEST(RecognitionCorpus, ScannerClassHasNoSilentErrors) {
    const auto score = runCorpus(bench::CorpusClass::Scanner, 160, 1001);
    EXPECT_EQ(score.silentErrors, 0);
    EXPECT_EQ(score.misidentified, 0);
    EXPECT_EQ(score.blanksRight, score.blanks);
    EXPECT_GE(score.identifiedShare(), 0.99);
    EXPECT_LE(score.flaggedShare(), 0.012); // target 0.005 (issue 4); see bench/RESULTS.md
    EXPECT_GT(score.fields, 5000);
}

TEST(RecognitionCorpus, PhotoClassHasNoSilentErrors) {
    const auto score = runCorpus(bench::CorpusClass::Photo, 40, 2002);
    EXPECT_EQ(score.silentErrors, 0);
    EXPECT_EQ(score.misidentified, 0);
    EXPECT_LE(score.flaggedShare(), 0.03);
    // 21 of these 40 photos are identified since a small code is also read enlarged to 12 and
    // 16 px/mm, plain, binarised and sharpened (18 with the rectified region alone, 12 before
    // that); a regression below that shows here. Target: bench/RESULTS.md.
    EXPECT_GE(score.identified, 19);
}

} // namespace
} // namespace scanstation::testing
