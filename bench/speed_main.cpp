// bench_speed: pages per second on one core.
//  1. recognition alone on 200-dpi pages already in memory (as a scanner driver delivers them);
//  2. decode + recognition of 200-dpi JPEG files (quality 85) and 300-dpi PNG files, using the
//     acquisition's own reader (scanner::readPages), as `scanstation recognize` does;
//  3. peak memory (VmHWM) after a run of N pages (it includes the generated pages held for
//     the run: 40 at 200 dpi and 20 at 300 dpi).
// Times are CPU time of this single-threaded process.
// Usage: bench_speed [--pages N] [--dir DIR]   (DIR keeps the encoded files; default /tmp)
#include "corpus_card.hpp"
#include "corpus_scoring.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace scanstation;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<bench::CorpusPage> makePages(const std::vector<core::CardTemplate>& templates, double dpi, int n) {
    bench::CorpusOptions options;
    options.seed = 99;
    options.scannerDpis = {dpi};
    options.blankShare = 0;
    options.allowOneBit = false;
    bench::CorpusGenerator generator(templates, bench::corpusKey(), bench::kCorpusSchool, options);
    std::vector<bench::CorpusPage> pages;
    for (int i = 0; i < n; ++i)
        pages.push_back(generator.next());
    return pages;
}

long peakKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

// CPU seconds of this process since `t` (std::clock): on a shared machine wall time measures
// the other users as much as us.
double secondsSince(std::clock_t t) { return static_cast<double>(std::clock() - t) / CLOCKS_PER_SEC; }

} // namespace

int main(int argc, char** argv) {
    int n = 200;
    std::filesystem::path dir = "/tmp/scanstation-bench-speed";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--pages")
            n = std::stoi(argv[i + 1]);
        else if (std::string(argv[i]) == "--dir")
            dir = argv[i + 1];
    }
    const auto templates = templates::loadTemplateDir(templates::shippedTemplateDir());
    const scanner::Recognizer recognizer(
        {templates, scanner::stationIdentityVerifier(bench::corpusKey(), bench::kCorpusSchool), {}});
    std::filesystem::create_directories(dir);
    const int distinct = std::min(n, 40); // pages are cycled: generating them is not what we time

    const auto pages200 = makePages(templates, 200, distinct);
    auto t = std::clock();
    long read = 0;
    for (int i = 0; i < n; ++i) {
        const auto& p = pages200[i % distinct];
        read += recognizer.recognize(bench::viewOf(p.image, p.dpi)).status == scanner::PageStatus::Read;
    }
    double s = secondsSince(t);
    std::cout << "recognition alone, 200 dpi in memory: " << n / s << " pages/s, " << 1000 * s / n
              << " ms/page (" << read << " read)\n";

    std::vector<std::filesystem::path> jpegs;
    for (int i = 0; i < distinct; ++i) {
        jpegs.push_back(dir / ("page200-" + std::to_string(i) + ".jpg"));
        cv::imwrite(jpegs.back().string(), pages200[i].image, {cv::IMWRITE_JPEG_QUALITY, 85});
    }
    t = std::clock();
    for (int i = 0; i < n; ++i)
        for (const auto& page : scanner::readPages(jpegs[i % distinct]))
            recognizer.recognize(page.image.view());
    s = secondsSince(t);
    std::cout << "decode + recognition, 200 dpi JPEG q85: " << n / s << " pages/s, " << 1000 * s / n << " ms/page\n";

    const auto pages300 = makePages(templates, 300, std::min(distinct, 20));
    std::vector<std::filesystem::path> pngs;
    for (std::size_t i = 0; i < pages300.size(); ++i) {
        pngs.push_back(dir / ("page300-" + std::to_string(i) + ".png"));
        cv::imwrite(pngs.back().string(), pages300[i].image);
    }
    t = std::clock();
    for (int i = 0; i < n; ++i)
        for (const auto& page : scanner::readPages(pngs[i % pngs.size()]))
            recognizer.recognize(page.image.view());
    s = secondsSince(t);
    std::cout << "decode + recognition, 300 dpi PNG: " << n / s << " pages/s, " << 1000 * s / n << " ms/page\n";
    std::cout << "peak memory (VmHWM) after " << 3 * n << " pages: " << peakKb() / 1024 << " MB\n";
    return 0;
}
