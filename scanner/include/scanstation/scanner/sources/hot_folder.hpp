#pragma once
// A hot folder for network scanners and copiers that "scan to folder". Files arrive in FOLDER;
// each PNG, JPEG, TIFF (every page) or PDF (every page) is read once its size and modification
// time have stayed the same for the settle time, its pages are handed to the handler, and it is
// moved atomically to FOLDER/processed/ or FOLDER/failed/ with a sidecar NAME.json saying why.
// A content-hash ledger (FOLDER/.scanstation-ledger) keeps a file from being processed twice,
// also across restarts and when the same scan is dropped in again.
//
// Any other file (a .docx, an .xps) goes to failed/ with a sidecar saying so.
// Ignored: hidden files (".name"), and names ending in .part .tmp .crdownload .filepart or "~"
// (writers that copy under a temporary name and rename when done).
#include "scanstation/scanner/image.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace scanstation::scanner {

struct HotFolderOptions {
    std::filesystem::path folder;
    std::chrono::milliseconds settleTime{2000};   // unchanged this long = completely written
    std::chrono::milliseconds pollInterval{1000}; // between passes in run()
};

// The file a page came from, as the handler sees it.
struct HotFolderFile {
    std::filesystem::path path; // where it lies while being handled (in FOLDER)
    std::string sha256;         // of the file's bytes, lowercase hex
    int pageCount = 0;
};

enum class HotFolderOutcome { Processed, Failed, Duplicate };
std::string toString(HotFolderOutcome outcome);

struct HotFolderResult {
    std::filesystem::path original; // FOLDER/name
    std::filesystem::path movedTo;  // FOLDER/processed/name or FOLDER/failed/name (maybe renamed)
    HotFolderOutcome outcome = HotFolderOutcome::Processed;
    int pagesHandled = 0;
    std::string sha256;
    std::string reason; // why it failed, or which earlier file it duplicates
};

// Called for every page of a stable file, in order. Throw (scanstation::Error or any
// std::exception) to fail the file: it goes to failed/ with the message; pages handed over
// before the throw were already seen by the handler (pagesHandled says how many).
using HotFolderPageHandler = std::function<void(const HotFolderFile& file, const Page& page)>;

class HotFolder {
public:
    // Creates processed/ and failed/ and loads the ledger. Throws BadInput when FOLDER is not
    // a folder, Infrastructure when it cannot be written.
    explicit HotFolder(HotFolderOptions options);

    // One pass over the folder: handles every file that is stable now. Files seen for the first
    // time or still changing are remembered and left for a later pass.
    std::vector<HotFolderResult> poll(const HotFolderPageHandler& handler);

    // Passes until no file is waiting to settle (files still being written after a few settle
    // times are left alone). For `scanstation watch --once` and tests.
    std::vector<HotFolderResult> drain(const HotFolderPageHandler& handler);

    // Passes every pollInterval until stop() is called (from any thread or a signal handler).
    void run(const HotFolderPageHandler& handler, const std::function<void(const HotFolderResult&)>& onResult);
    void stop() { m_stop = true; }

    // Files seen but not yet stable.
    std::size_t waitingCount() const { return m_seen.size(); }

private:
    struct Sighting {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type mtime;
        std::chrono::steady_clock::time_point since;
    };
    bool isStable(const std::filesystem::path& file);
    HotFolderResult handle(const std::filesystem::path& file, const HotFolderPageHandler& handler);

    HotFolderOptions m_options;
    std::map<std::filesystem::path, Sighting> m_seen;
    std::atomic<bool> m_stop{false};
};

} // namespace scanstation::scanner
