// bench_speed: pages per second on one core.
//  1. recognition alone on 200-dpi pages already in memory (as a scanner driver delivers them),
//     with the split by step;
//  2. decode alone and decode + recognition of 200-dpi JPEG files (quality 85) and 300-dpi PNG
//     files, using the acquisition's own reader (scanner::readPages), as `scanstation
//     recognize` does;
//  3. peak memory: a separate process (`--memory-run N`) streams N pages from files through
//     readPages + recognize, one page in memory at a time, and prints VmHWM after 10 %, 50 %
//     and 100 % of them, so a leak or a per-page growth shows.
// Times are CPU time of this one thread (CLOCK_THREAD_CPUTIME_ID): on a shared machine wall
// time measures the other users as much as us.
// Usage: bench_speed [--pages N] [--memory-pages N] [--dir DIR]   (DIR keeps the encoded files)
//        bench_speed --memory-run N [--dir DIR]
//        bench_speed --pages N --in-memory-only 1   (for a profiler)
#include "corpus_card.hpp"
#include "corpus_scoring.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace scanstation;
namespace fs = std::filesystem;

namespace {

constexpr int kDistinct = 40; // pages are cycled: generating them is not what we time

bench::CorpusGenerator makeGenerator(const std::vector<core::CardTemplate>& templates, double dpi) {
    bench::CorpusOptions options;
    options.seed = 99;
    options.scannerDpis = {dpi};
    options.blankShare = 0;
    options.allowOneBit = false;
    return bench::CorpusGenerator(templates, bench::corpusKey(), bench::kCorpusSchool, options);
}

long peakKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

scanner::Recognizer makeRecognizer(const std::vector<core::CardTemplate>& templates) {
    return scanner::Recognizer({templates, scanner::stationIdentityVerifier(bench::corpusKey(), bench::kCorpusSchool), {}});
}

// Writes the distinct pages (the memory run reuses those the main run wrote).
std::vector<fs::path> encodedPages(const std::vector<core::CardTemplate>& templates, const fs::path& dir, double dpi,
                                   const std::string& ext, bool reuse = false) {
    std::vector<fs::path> files;
    auto generator = makeGenerator(templates, dpi);
    for (int i = 0; i < kDistinct; ++i) {
        files.push_back(dir / ("page" + std::to_string(static_cast<int>(dpi)) + "-" + std::to_string(i) + ext));
        if (reuse && fs::exists(files.back()))
            continue;
        const auto page = generator.next();
        cv::imwrite(files.back().string(), page.image, {cv::IMWRITE_JPEG_QUALITY, 85});
    }
    return files;
}

void printSplit(const scanner::StepTimings& sum, int n) {
    std::cout << std::fixed << std::setprecision(2) << "  split (ms/page): prepare " << sum.prepare / n << ", marks "
              << sum.marks / n << ", transform " << sum.transform / n << ", identity " << sum.identity / n
              << ", bubbles " << sum.bubbles / n << ", decide " << sum.decide / n << "\n";
}

void inMemory(const std::vector<core::CardTemplate>& templates, const scanner::Recognizer& recognizer, int n) {
    auto generator = makeGenerator(templates, 200);
    std::vector<bench::CorpusPage> pages;
    for (int i = 0; i < std::min(n, kDistinct); ++i)
        pages.push_back(generator.next());
    scanner::StepTimings sum;
    long read = 0;
    const double t = threadCpuSeconds();
    for (int i = 0; i < n; ++i) {
        const auto& p = pages[static_cast<std::size_t>(i) % pages.size()];
        const auto r = recognizer.recognize(bench::viewOf(p.image, p.dpi));
        read += r.card && r.card->signatureValid;
        sum += r.timing;
    }
    const double s = threadCpuSeconds() - t;
    std::cout << "recognition alone, 200 dpi in memory: " << n / s << " pages/s, " << 1000 * s / n << " ms/page ("
              << read << "/" << n << " identified)\n";
    printSplit(sum, n);
}

void fromFiles(const scanner::Recognizer& recognizer, const std::vector<fs::path>& files, int n, const char* what) {
    double t = threadCpuSeconds();
    long decoded = 0;
    for (int i = 0; i < n; ++i)
        decoded += static_cast<long>(scanner::readPages(files[static_cast<std::size_t>(i) % files.size()]).size());
    const double decode = threadCpuSeconds() - t;
    scanner::StepTimings sum;
    long identified = 0;
    t = threadCpuSeconds();
    for (int i = 0; i < n; ++i)
        for (const auto& page : scanner::readPages(files[static_cast<std::size_t>(i) % files.size()])) {
            const auto r = recognizer.recognize(page.image.view());
            identified += r.card && r.card->signatureValid;
            sum += r.timing;
        }
    const double s = threadCpuSeconds() - t;
    std::cout << "decode + recognition, " << what << ": " << n / s << " pages/s, " << 1000 * s / n
              << " ms/page (decode alone " << 1000 * decode / n << " ms/page; " << identified << "/" << n
              << " identified)\n";
    printSplit(sum, n);
    if (decoded != n)
        std::cout << "  (" << decoded << " pages decoded from " << n << " files)\n";
}

// The streaming run, in its own process so that its VmHWM is its own.
int memoryRun(const std::vector<core::CardTemplate>& templates, const fs::path& dir, int n) {
    const auto jpegs = encodedPages(templates, dir, 200, ".jpg", true);
    const auto pngs = encodedPages(templates, dir, 300, ".png", true);
    const long before = peakKb();
    const auto recognizer = makeRecognizer(templates);
    long identified = 0;
    for (int i = 0; i < n; ++i) {
        // Alternate the two kinds so both decoders and both resolutions are in the run.
        const auto& files = i % 2 ? pngs : jpegs;
        for (const auto& page : scanner::readPages(files[static_cast<std::size_t>(i / 2) % files.size()])) {
            const auto r = recognizer.recognize(page.image.view());
            identified += r.card && r.card->signatureValid;
        }
        if (i + 1 == n / 10 || i + 1 == n / 2 || i + 1 == n)
            std::cout << "  VmHWM after " << i + 1 << " pages: " << peakKb() / 1024 << " MB\n";
    }
    std::cout << "peak memory over " << n << " pages (200-dpi JPEG and 300-dpi PNG alternating, streamed): "
              << peakKb() / 1024 << " MB (" << before / 1024 << " MB before the recognizer; " << identified << "/"
              << n << " identified)\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    int n = 200, memoryPages = 1000, memoryRunPages = 0;
    bool inMemoryOnly = false; // for profiling the recognition alone
    fs::path dir = "/tmp/scanstation-bench-speed-2";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--pages")
            n = std::stoi(argv[i + 1]);
        else if (arg == "--memory-pages")
            memoryPages = std::stoi(argv[i + 1]);
        else if (arg == "--memory-run")
            memoryRunPages = std::stoi(argv[i + 1]);
        else if (arg == "--in-memory-only")
            inMemoryOnly = std::string(argv[i + 1]) == "1";
        else if (arg == "--dir")
            dir = argv[i + 1];
    }
    // One core: OpenCV would otherwise hand parts of warps, filters and labelling to its
    // worker threads, whose CPU time this thread's clock does not see.
    cv::setNumThreads(0);
    fs::create_directories(dir);
    const auto templates = templates::loadTemplateDir(templates::shippedTemplateDir());
    if (memoryRunPages > 0)
        return memoryRun(templates, dir, memoryRunPages);

    const auto recognizer = makeRecognizer(templates);
    inMemory(templates, recognizer, n);
    if (inMemoryOnly)
        return 0;
    fromFiles(recognizer, encodedPages(templates, dir, 200, ".jpg"), n, "200 dpi JPEG q85");
    fromFiles(recognizer, encodedPages(templates, dir, 300, ".png"), n, "300 dpi PNG");
    if (memoryPages > 0) {
        const std::string command = "'" + fs::read_symlink("/proc/self/exe").string() + "' --memory-run " +
                                    std::to_string(memoryPages) + " --dir '" + dir.string() + "'";
        return std::system(command.c_str()) == 0 ? 0 : 1;
    }
    return 0;
}
