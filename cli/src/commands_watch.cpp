// `scanstation watch FOLDER [--once] [--settle S] [--poll S]`: the hot folder for copiers and
// network scanners that "scan to folder" (see scanstation/scanner/sources/hot_folder.hpp).
// Each page of each complete file goes to the page handler; the file then moves to processed/
// or failed/ with a sidecar. Stops on Ctrl-C / SIGTERM (systemd) after the file in hand.
#include "command_groups.hpp"
#include "scanstation/scanner/sources/hot_folder.hpp"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct WatchOptions {
    std::string folder;
    bool once = false;
    double settleSeconds = 2.0;
    double pollSeconds = 1.0;
};

// WIRING POINT for ingestion: today every page is reported on stdout (what was received, from
// which file, at what size). Replace the body with the store's batch ingestion of `page`
// (throw scanstation::Error to send the file to failed/ with that message).
scanner::HotFolderPageHandler makeWatchPageHandler(const CliContext& ctx) {
    return [&ctx](const scanner::HotFolderFile& file, const scanner::Page& page) {
        if (ctx.json) {
            std::cout << nlohmann::json{{"event", "page"}, {"file", file.path.filename().string()},
                                        {"sha256", file.sha256}, {"page", page.pageNumber}, {"pages", file.pageCount},
                                        {"width", page.image.width()}, {"height", page.image.height()},
                                        {"dpi", page.image.dpi()}}.dump()
                      << std::endl;
        } else {
            std::cout << file.path.filename().string() << " page " << page.pageNumber << "/" << file.pageCount
                      << ": " << page.image.width() << "x" << page.image.height() << " px at "
                      << page.image.dpi() << " dpi" << std::endl;
        }
    };
}

void printResult(const CliContext& ctx, const scanner::HotFolderResult& r) {
    if (ctx.json) {
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

} // namespace

void addWatchCommands(CLI::App& app, CliContext& ctx) {
    auto options = std::make_shared<WatchOptions>();
    auto* cmd = app.add_subcommand("watch", "Hot folder: read every scan dropped into FOLDER, once");
    cmd->add_option("folder", options->folder, "The folder the scanner or copier writes to")->required();
    cmd->add_flag("--once", options->once, "Handle what is there now (waiting for files to settle), then exit");
    cmd->add_option("--settle", options->settleSeconds, "Seconds a file must stay unchanged before it is read")
        ->capture_default_str();
    cmd->add_option("--poll", options->pollSeconds, "Seconds between looks at the folder")->capture_default_str();
    cmd->add_flag("--json", ctx.json, "One JSON object per line");
    cmd->callback([&ctx, options] {
        scanner::HotFolder folder({options->folder, millis(options->settleSeconds), millis(options->pollSeconds)});
        const auto handler = makeWatchPageHandler(ctx);
        if (options->once) {
            for (const auto& r : folder.drain(handler))
                printResult(ctx, r);
            return;
        }
        g_watching = &folder;
        std::signal(SIGINT, stopWatching);
        std::signal(SIGTERM, stopWatching);
        folder.run(handler, [&ctx](const scanner::HotFolderResult& r) { printResult(ctx, r); });
        g_watching = nullptr;
    });
}

} // namespace scanstation::cli
