// `scanstation scan FILE|FOLDER... [--source SPEC]`: one batch of pages into the store.
// Each page is reported on its own line only after it was committed (so a line on the screen
// is a promise that the page is stored); a summary counts the outcomes at the end.
#include "command_groups.hpp"
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/ingest/batch_ingest.hpp"
#include "scanstation/scanner/sources/file_page_source.hpp"
#include "scanstation/scanner/sources/sane_page_source.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

namespace scanstation::cli {

namespace {

namespace fs = std::filesystem;

struct ScanOptions {
    std::vector<std::string> paths;
    std::string source;
    bool json = false;
};

std::vector<fs::path> filesOf(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> inFolder;
            for (const auto& entry : fs::directory_iterator(p))
                if (entry.is_regular_file() && scanner::hasPageFileExtension(entry.path()))
                    inFolder.push_back(entry.path());
            std::sort(inFolder.begin(), inFolder.end());
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            throw Error(ErrorKind::NotFound, "no file or folder " + p);
        }
    }
    return files;
}

// --source SPEC: "folder:PATH", "file:PATH" or "sane:DEVICE" ("sane:" = the first device).
std::unique_ptr<scanner::PageSource> sourceOf(const ScanOptions& o) {
    if (o.source.empty()) {
        if (o.paths.empty())
            throw Error(ErrorKind::BadInput, "scan needs files, folders or --source");
        return std::make_unique<scanner::FilePageSource>(filesOf(o.paths));
    }
    const auto colon = o.source.find(':');
    const std::string kind = o.source.substr(0, colon), rest = colon == std::string::npos ? "" : o.source.substr(colon + 1);
    if (kind == "folder" || kind == "file")
        return std::make_unique<scanner::FilePageSource>(filesOf({rest}));
    if (kind == "sane") {
        scanner::SaneScanSettings settings;
        settings.device = rest;
        return std::make_unique<scanner::SanePageSource>(settings);
    }
    throw Error(ErrorKind::BadInput, "--source " + o.source + ": expected folder:PATH, file:PATH or sane:DEVICE");
}

void printPage(const scanner::PageReport& r, bool json) {
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

void printSummary(const scanner::IngestSummary& s, bool json) {
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

void scan(const CliContext& ctx, const ScanOptions& o) {
    core::Store store(ctx.dataDir());
    const auto recognizer = stationRecognizer(store);
    auto source = sourceOf(o);
    const bool json = ctx.json || o.json;
    scanner::BatchIngest batch(store, *recognizer, actingLogin(store, ctx));
    batch.onPage([json](const scanner::PageReport& r) { printPage(r, json); });
    batch.onFault([](scanner::FaultKind kind, const std::string& message) {
        std::cerr << "scanstation: source " << scanner::toString(kind) << ": " << message << std::endl;
    });
    printSummary(batch.run(*source), json);
}

} // namespace

void addScanCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ScanOptions>();
    auto* cmd = app.add_subcommand("scan", "Scan a batch of pages: store, recognise, validate and record each");
    cmd->add_option("paths", o->paths, "Page files (PNG, JPEG, TIFF, PDF, PNM) or folders of them");
    cmd->add_option("--source", o->source, "folder:PATH, file:PATH or sane:DEVICE instead of paths");
    cmd->add_flag("--json", o->json, "One JSON object per stored page, then the summary");
    cmd->callback([&ctx, o] { scan(ctx, *o); });
}

void addIngestionCommands(CLI::App& app, CliContext& ctx) {
    addScanCommands(app, ctx);
    addReviewCommands(app, ctx);
    addCustodyCommands(app, ctx);
    addShredCommands(app, ctx);
    addDeadlineCommands(app, ctx);
}

} // namespace scanstation::cli
