// `scanstation watch [FOLDER] [--once] [--settle S] [--poll S]`: the hot folder for copiers and
// network scanners that "scan to folder" (see scanstation/scanner/sources/hot_folder.hpp).
// Each page of each complete file goes through the same ingestion as `scan` (stored,
// recognised, validated, recorded, reported once committed); the file then moves to processed/
// or failed/ with a sidecar. A file is never processed twice, also across restarts: the
// folder's ledger skips a file already processed, and the store skips a page already recorded
// (a file interrupted half-way is completed, not doubled). FOLDER, --settle and --poll default
// to [hotfolder] of the station configuration. Stops on Ctrl-C / SIGTERM after the file in hand.
#include "command_groups.hpp"
#include "ingest_cli_support.hpp"
#include "operator_session.hpp"
#include "scan_report_output.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/ingest/batch_ingest.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/hot_folder.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

namespace scanstation::cli {

namespace {

struct WatchOptions {
    std::string folder;
    bool once = false;
    std::optional<double> settleSeconds; // default 2, or [hotfolder] settle
    std::optional<double> pollSeconds;   // default 1, or [hotfolder] poll
};

// The hot folder runs unattended (a systemd service, nobody at the station): its pages are
// received by the station's own job, which core allows to scan and nothing else. An operator
// signed in at the station is recorded instead, when there is one.
std::string hotFolderActor(core::Store& store) {
    if (const auto op = optionalSignedInOperator(store))
        return op->login;
    return "station";
}

// The store's ingestion for the pages of the hot folder, open for the whole watch.
struct WatchIngestion {
    explicit WatchIngestion(const CliContext& ctx)
        : store(ctx.dataDir()), recognizer(stationRecognizer(store)), batch(store, *recognizer, hotFolderActor(store)) {}
    core::Store store;
    std::unique_ptr<scanner::Recognizer> recognizer;
    scanner::BatchIngest batch;
};

// Every page into the store; a failure to store it (scanstation::Error) sends the file to
// failed/ with that message. A page that is not a card is stored with its status: the file
// is processed (the review queue and `scan` summaries show it), not failed.
scanner::HotFolderPageHandler makeWatchPageHandler(WatchIngestion& ingestion, bool json) {
    ingestion.batch.onPage([json](const scanner::PageReport& r) { printStoredPage(r, json); });
    return [&ingestion](const scanner::HotFolderFile&, const scanner::Page& page) {
        ingestion.batch.ingestFromSource(page); // reads the original at page.source, still in FOLDER
    };
}

void printResult(bool json, const scanner::HotFolderResult& r) {
    if (json) {
        std::cout << nlohmann::json{{"event", "file"}, {"file", r.original.filename().string()},
                                    {"status", scanner::toString(r.outcome)}, {"moved_to", r.movedTo.string()},
                                    {"pages", r.pagesHandled}, {"sha256", r.sha256}, {"reason", r.reason}}.dump()
                  << std::endl;
    } else {
        std::cout << r.original.filename().string() << ": " << scanner::toString(r.outcome) << " -> "
                  << r.movedTo.string() << (r.reason.empty() ? "" : " (" + r.reason + ")") << std::endl;
    }
}

std::atomic<scanner::HotFolder*> g_watching{nullptr};

extern "C" void stopWatching(int) {
    if (auto* folder = g_watching.load())
        folder->stop(); // only sets an atomic flag: safe in a signal handler
}

std::chrono::milliseconds millis(double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

scanner::HotFolderOptions folderOptionsOf(const CliContext& ctx, const WatchOptions& o) {
    const auto& conf = ctx.stationConfig().hotFolder;
    scanner::HotFolderOptions options;
    if (!o.folder.empty())
        options.folder = o.folder;
    else if (conf.folder)
        options.folder = *conf.folder;
    else
        throw Error(ErrorKind::BadInput, "watch needs a FOLDER, or [hotfolder] folder in the station configuration");
    options.settleTime = millis(o.settleSeconds.value_or(conf.settleSeconds.value_or(2.0)));
    options.pollInterval = millis(o.pollSeconds.value_or(conf.pollSeconds.value_or(1.0)));
    return options;
}

void watch(const CliContext& ctx, const WatchOptions& o) {
    const auto options = folderOptionsOf(ctx, o);
    WatchIngestion ingestion(ctx); // first: no school, no watching (the files stay where they are)
    scanner::HotFolder folder(options);
    const auto handler = makeWatchPageHandler(ingestion, ctx.json);
    if (o.once) {
        for (const auto& r : folder.drain(handler))
            printResult(ctx.json, r);
        return;
    }
    g_watching = &folder;
    std::signal(SIGINT, stopWatching);
    std::signal(SIGTERM, stopWatching);
    folder.run(handler, [&ctx](const scanner::HotFolderResult& r) { printResult(ctx.json, r); });
    g_watching = nullptr;
}

} // namespace

void addWatchCommands(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<WatchOptions>();
    auto* cmd = app.add_subcommand("watch", "Hot folder: store and read every scan dropped into FOLDER, once");
    cmd->add_option("folder", options->folder,
                    "The folder the scanner or copier writes to (default: [hotfolder] folder of the station configuration)");
    cmd->add_flag("--once", options->once, "Handle what is there now (waiting for files to settle), then exit");
    cmd->add_option_function<double>(
        "--settle", [options](const double& s) { options->settleSeconds = s; },
        "Seconds a file must stay unchanged before it is read (default 2)");
    cmd->add_option_function<double>(
        "--poll", [options](const double& s) { options->pollSeconds = s; }, "Seconds between looks at the folder (default 1)");
    cmd->add_flag("--json", ctx.json, "One JSON object per line");
    cmd->callback([&ctx, options] { watch(ctx, *options); });
}

} // namespace scanstation::cli
