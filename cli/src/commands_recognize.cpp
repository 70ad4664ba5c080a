// `scanstation recognize [--jobs N] FILE...`: one JSON object per page on stdout (JSON Lines,
// format in scanner/README.md). Pages are read and recognised on N worker threads; lines come
// out in the order of the files and their pages. A file that cannot be read gives one line
// with status "unreadable" and issue "file_unreadable"; the batch goes on, and the command
// exits with 1 at the end.
#include "command_groups.hpp"
#include "ingest_cli_support.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"

#include <CLI/CLI.hpp>

#include <atomic>
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace scanstation::cli {
namespace {

struct RecognizeOptions {
    std::vector<std::string> files;
    unsigned jobs = 1;
    bool raw = false;
};

struct FileOutput {
    std::string lines;
    bool failed = false;
};

FileOutput recognizeFile(const scanner::Recognizer& recognizer, const std::string& file, bool raw) {
    FileOutput out;
    std::vector<scanner::Page> pages;
    try {
        pages = scanner::readPages(file);
    } catch (const Error& e) {
        scanner::PageRecognition failed;
        failed.status = scanner::PageStatus::Unreadable;
        failed.issues.push_back({"file_unreadable", "", e.what()});
        out.lines = scanner::toJsonLine(failed, file, 1) + "\n";
        out.failed = true;
        return out;
    }
    for (const auto& page : pages)
        out.lines += scanner::toJsonLine(recognizer.recognize(page.image.view()), file, page.pageNumber, raw) + "\n";
    return out;
}

// Workers take files in order; the caller prints each file's lines as soon as it and every
// file before it are done.
bool recognizeAll(const scanner::Recognizer& recognizer, const RecognizeOptions& o) {
    const std::size_t n = o.files.size();
    std::vector<std::optional<FileOutput>> done(n);
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable ready;
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            FileOutput out = recognizeFile(recognizer, o.files[i], o.raw);
            std::lock_guard lock(mutex);
            done[i] = std::move(out);
            ready.notify_all();
        }
    };
    std::vector<std::jthread> workers;
    for (unsigned j = 0; j < std::max(1u, o.jobs); ++j)
        workers.emplace_back(work);
    bool anyFailed = false;
    for (std::size_t i = 0; i < n; ++i) {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return done[i].has_value(); });
        std::cout << done[i]->lines << std::flush;
        anyFailed = anyFailed || done[i]->failed;
        done[i].reset();
    }
    return !anyFailed;
}

} // namespace

void addRecognizeCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<RecognizeOptions>();
    auto* cmd = app.add_subcommand("recognize", "Recognise card images and print one JSON line per page "
                                                "(nothing is stored)");
    cmd->add_option("FILE", o->files, "PNG, JPEG, TIFF, PDF or PNM files")->required()->check(CLI::ExistingFile);
    cmd->add_option("--jobs,-j", o->jobs, "Worker threads (default 1)")->check(CLI::Range(1u, 64u));
    cmd->add_flag("--raw", o->raw, "Add every bubble's raw measurements to each field (\"bubbles\")");
    cmd->callback([&ctx, o] {
        core::Store store(ctx.dataDir());
        const auto recognizer = stationRecognizer(store);
        if (!recognizeAll(*recognizer, *o))
            throw Error(ErrorKind::BadInput, "some files could not be read (see their \"file_unreadable\" lines)");
    });
}

} // namespace scanstation::cli
