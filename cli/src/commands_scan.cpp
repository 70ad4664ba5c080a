// `scanstation scan [FILE|FOLDER...] [--source SPEC] [scanner options] [--continue]`: one batch
// of pages from any source — page files, a SANE scanner's feeder, a camera — through the one
// acquisition pipeline (scanner/ingest/batch_pull_ingest.hpp) into the store. Each page is
// reported on its own line only after it was committed, while the feeder still runs; a summary
// counts the outcomes at the end. Faults pause the batch (operator_prompt.hpp); Ctrl-C stops
// after the page in hand, keeping every page (a second Ctrl-C kills: committed pages stay).
#include "acquisition_options.hpp"
#include "command_groups.hpp"
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "operator_prompt.hpp"
#include "scan_report_output.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/ingest/batch_pull_ingest.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

namespace scanstation::cli {

namespace {

struct ScanOptions {
    AcquisitionOptions acquisition;
    bool autoContinue = false;
    bool json = false;
};

std::atomic<scanner::PageSource*> g_scanning{nullptr};
std::atomic<bool> g_interrupted{false};

extern "C" void cancelScan(int) {
    g_interrupted = true;
    if (auto* source = g_scanning.load())
        source->cancel(); // sets an atomic flag only
}

// SIGINT/SIGTERM cancel the batch after the page in hand. No SA_RESTART, so a prompt waiting
// for the operator returns at once; SA_RESETHAND, so a second Ctrl-C kills the process.
class CancelOnInterrupt {
public:
    CancelOnInterrupt() {
        struct sigaction action {};
        action.sa_handler = cancelScan;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_oldInt);
        sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~CancelOnInterrupt() {
        g_scanning = nullptr;
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    void watch(scanner::PageSource* source) {
        g_scanning = source;
        if (source && g_interrupted)
            source->cancel();
    }

private:
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

void add(scanner::IngestSummary& total, const scanner::IngestSummary& run) {
    total.pages += run.pages;
    total.read += run.read;
    total.needsReview += run.needsReview;
    total.rejected += run.rejected;
    total.duplicates += run.duplicates;
    total.notCards += run.notCards;
    total.faults += run.faults;
    total.faultMessages.insert(total.faultMessages.end(), run.faultMessages.begin(), run.faultMessages.end());
    total.end = run.end;
}

void scan(const CliContext& ctx, const ScanOptions& o) {
    core::Store store(ctx.dataDir());
    const auto recognizer = stationRecognizer(store);
    const bool json = ctx.json || o.json;
    scanner::BatchIngest batch(store, *recognizer, actingLogin(store, ctx));
    int stored = 0;
    batch.onPage([json, &stored](const scanner::PageReport& r) {
        ++stored;
        printStoredPage(r, json);
    });
    AcquisitionOptions acquisition = o.acquisition;
    acquisition.onCameraStatus = [](scanner::CameraState state, const std::string& message) {
        std::cerr << "scanstation: camera " << scanner::toString(state) << ": " << message << std::endl;
    };
    OperatorPrompt prompt(o.autoContinue);
    CancelOnInterrupt interrupt;
    scanner::IngestSummary total;
    scanner::PulledBatch last;
    // One run per load of the feeder: the operator may load more pages into the same batch.
    for (int run = 0;; ++run) {
        std::unique_ptr<scanner::PageSource> source;
        try {
            source = openAcquisitionSource(acquisition, ctx.stationConfig());
        } catch (const Error&) {
            if (run > 0)
                printIngestSummary(total, json); // the pages of the earlier runs are stored
            throw;
        }
        std::cerr << "scanstation: scanning from " << source->describe() << std::endl;
        interrupt.watch(source.get());
        last = scanner::ingestPulledBatch(*source, batch, [&](const scanner::SourceEvent& fault) {
            return !g_interrupted && prompt.faultCleared(fault, stored);
        });
        interrupt.watch(nullptr);
        add(total, last.ingest);
        if (last.stoppedAtFault || g_interrupted || last.pull.end != scanner::BatchEnd::FeederEmpty) {
            if (!last.stoppedAtFault && !last.pull.message.empty())
                std::cerr << "scanstation: " << last.pull.message << std::endl;
            break;
        }
        if (!prompt.moreLoaded(last.pull.message, stored))
            break;
    }
    if (g_interrupted)
        total.end = scanner::toString(scanner::BatchEnd::Cancelled);
    printIngestSummary(total, json);
    if (last.stoppedAtFault && !g_interrupted)
        throw Error(ErrorKind::Infrastructure,
                    "batch stopped at a fault (" + scanner::toString(last.lastFault) + "): the " +
                        std::to_string(stored) +
                        " page(s) reported above are stored; clear it and run scan again for the rest");
}

} // namespace

void addScanCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ScanOptions>();
    auto* cmd = app.add_subcommand("scan", "Scan a batch of pages: store, recognise, validate and record each");
    cmd->add_option("paths", o->acquisition.paths, "Page files (PNG, JPEG, TIFF, PDF, PNM) or folders of them");
    addAcquisitionOptions(*cmd, o->acquisition);
    cmd->add_flag("--continue", o->autoContinue,
                  "After a fault (jam, cover open, device gone) try again without asking; stop when it repeats");
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
