#pragma once
// A batch of pages from any source: for each page, keep its original bytes (content-addressed),
// recognise it, validate and record it with its status — the page's row, its reading and its
// lesson records in ONE transaction, committed before the page is reported. So a SIGKILL at
// any moment loses nothing that was reported as stored, and re-running the same batch skips
// the pages already recorded (by their hash, before recognition) and completes the rest.
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/scanner/image.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/page_source.hpp"

#include <functional>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::scanner {

namespace detail {
struct PageOriginal; // ingest/page_original.hpp
}

// One page after it was recorded (or found recorded before).
struct PageReport {
    int index = 0;          // 1-based position in this batch
    std::string source;     // file path or device
    int pageNumber = 1;
    std::string pageHash;
    std::string imagePath;  // the stored original
    core::RecordResult result;
};

struct IngestSummary {
    int pages = 0;
    int read = 0;        // accepted
    int needsReview = 0;
    int rejected = 0;
    int duplicates = 0;
    int notCards = 0;
    int faults = 0;      // source faults (unreadable file, jam): the page was not stored
    std::vector<std::string> faultMessages;
    std::string end;     // how the source ended: "exhausted", "feeder_empty", "cancelled"

    void countPage(core::IngestOutcome outcome); // one stored page, by its outcome
};

using PageCallback = std::function<void(const PageReport&)>;
using FaultCallback = std::function<void(FaultKind, const std::string& message)>;

class BatchIngest {
public:
    // `actor` records the pages (needs ScanCards; "station" for unattended jobs). Originals go
    // to the encrypted vault under `dataKey` (page_image_store.hpp); the first page ingested
    // moves any plain originals of an older store into the vault first (audited).
    BatchIngest(core::Store& store, const Recognizer& recognizer, std::string actor, const core::SecretKey& dataKey,
                core::ValidationRules rules = {});
    // The same with the data key of the key directory the store was opened with
    // (Store::keyDir()); Error{Conflict} for a plain store.
    BatchIngest(core::Store& store, const Recognizer& recognizer, std::string actor,
                core::ValidationRules rules = {});

    void onPage(PageCallback callback) { m_onPage = std::move(callback); }
    // A fault of the source. BadPage faults are counted and the batch goes on; other faults
    // (jam, cover open) end the batch: the operator clears them and runs it again.
    void onFault(FaultCallback callback) { m_onFault = std::move(callback); }

    IngestSummary run(PageSource& source);

    // One page whose original bytes the caller holds (e.g. the kiosk's single-card scan):
    // `original` is the file's bytes, `extension` its type (".png"); for multi-page originals
    // pass the page number.
    PageReport ingest(const Page& page, const std::string& original, const std::string& extension);

    // One page as a source delivered it (its original: the file at page.source, else a PNG of
    // its pixels). For callers that drive the source themselves (acquisition's ingestPulledBatch,
    // the hot folder); the page is reported to onPage like those of run().
    PageReport ingestFromSource(const Page& page);

private:

    PageReport recordPage(const Page& page, const detail::PageOriginal& original);

    core::Store& m_store;
    const Recognizer& m_recognizer;
    std::string m_actor;
    core::ReadingRecorder m_recorder;
    PageImageStore m_images;
    bool m_plainOriginalsMoved = false;
    PageCallback m_onPage;
    FaultCallback m_onFault;
    int m_index = 0;
};

} // namespace scanstation::scanner
