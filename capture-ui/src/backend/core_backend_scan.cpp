// CoreBackend: page sources and ingestion (scanner's sources and BatchIngest).
#include "core_backend.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/ingest/batch_ingest.hpp"
#include "scanstation/scanner/ingest/batch_pull_ingest.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/hot_folder.hpp"
#include "scanstation/scanner/sources/source_spec.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace scanstation::ui {

namespace {

constexpr const char* kHotPrefix = "hot:";

Verdict verdictOf(core::IngestOutcome outcome) {
    switch (outcome) {
    case core::IngestOutcome::Accepted: return Verdict::Read;
    case core::IngestOutcome::NeedsReview: return Verdict::CheckThis;
    case core::IngestOutcome::Rejected: return Verdict::Rejected;
    case core::IngestOutcome::Duplicate: return Verdict::Duplicate;
    case core::IngestOutcome::NotACard: return Verdict::NotACard;
    }
    return Verdict::NotACard;
}

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Infrastructure, "cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Clears a pointer to a running job when the job ends, however it ends.
template <typename T>
struct RunningGuard {
    std::mutex& mutex;
    T*& slot;
    RunningGuard(std::mutex& m, T*& s, T* value) : mutex(m), slot(s) {
        std::lock_guard lock(mutex);
        slot = value;
    }
    ~RunningGuard() {
        std::lock_guard lock(mutex);
        slot = nullptr;
    }
};

} // namespace

std::vector<std::string> CoreBackend::sourceNames() {
    return m_config.sources;
}

std::unique_ptr<scanner::Recognizer> CoreBackend::makeRecognizer(core::Store& store) const {
    const auto school = core::Roster(store).school();
    if (!school)
        throw Error(ErrorKind::Conflict, "no school in the roster: import a roster before scanning");
    scanner::RecognizerConfig config;
    config.templates = m_templates;
    // The CLI's verifier: the card key ring of the key directory at the batch's start (grace
    // periods are days).
    config.verifyIdentity = scanner::stationIdentityVerifier(core::stationCardKeys(store, m_config.keyDir),
                                                             school->sourcedId, store.clock().now());
    return std::make_unique<scanner::Recognizer>(std::move(config));
}

std::string CoreBackend::scan(const std::string& source, const std::function<void(const PageOutcome&)>& onPage) {
    std::string login;
    {
        std::lock_guard lock(m_mutex);
        login = actor().login; // BatchIngest asks core whether this operator may scan
    }
    m_cancelScan = false;
    core::Store store(sealedDataDir()); // this worker's own connection
    if (source.rfind(kHotPrefix, 0) == 0)
        return runHotFolder(store, source.substr(std::string(kHotPrefix).size()), login, onPage);
    auto pages = scanner::openPageSource(scanner::parseSourceSpec(source), m_config.sourceSettings);
    return runSource(store, *pages, login, onPage);
}

void CoreBackend::cancelScan() {
    m_cancelScan = true;
    std::lock_guard lock(m_workMutex);
    if (m_runningSource)
        m_runningSource->cancel();
}

PageOutcome CoreBackend::outcomeOf(const scanner::PageReport& r, const LessonInfo& lesson) {
    PageOutcome out;
    out.className = lesson.className;
    out.lesson = lesson.text;
    out.pageId = r.pageHash;
    out.verdict = verdictOf(r.result.outcome);
    out.cardSerial = r.result.serial;
    for (const auto& f : r.result.findings)
        out.issues.push_back(f.message);
    if (out.issues.empty() && out.verdict != Verdict::Read)
        out.issues.push_back(r.result.message);
    return out;
}

std::string CoreBackend::runSource(core::Store& store, scanner::PageSource& source, const std::string& login,
                                   const std::function<void(const PageOutcome&)>& onPage) {
    const auto recognizer = makeRecognizer(store);
    scanner::BatchIngest batch(store, *recognizer, login, m_dataKey);
    std::vector<std::string> faults;
    batch.onPage([&](const scanner::PageReport& r) {
        onPage(outcomeOf(r, lessonOf(store, r.result.serial)));
    });
    RunningGuard guard(m_workMutex, m_runningSource, &source);
    if (m_cancelScan)
        source.cancel();
    // The CLI's pipeline. A fault other than an unreadable file ends the batch here: the
    // operator clears it (a jam, the cover) and presses Scan again.
    const auto pulled = scanner::ingestPulledBatch(source, batch, [&](const scanner::SourceEvent& fault) {
        faults.push_back(scanner::toString(fault.fault) + ": " + fault.message);
        return false;
    });
    std::string end = pulled.ingest.end;
    for (const auto& f : faults)
        end += "; " + f;
    return end;
}

std::string CoreBackend::runHotFolder(core::Store& store, const std::filesystem::path& folder,
                                      const std::string& login,
                                      const std::function<void(const PageOutcome&)>& onPage) {
    // One pass over the inbox: every file a copier finished writing is ingested and moved to
    // processed/ (or failed/, with the reason beside it).
    scanner::HotFolderOptions options;
    options.folder = folder;
    options.settleTime = std::chrono::milliseconds(300);
    options.pollInterval = std::chrono::milliseconds(200);
    scanner::HotFolder hot(options);
    const auto recognizer = makeRecognizer(store);
    scanner::BatchIngest batch(store, *recognizer, login, m_dataKey);
    RunningGuard guard(m_workMutex, m_runningFolder, &hot);
    std::string bytes;
    std::filesystem::path bytesOf;
    const auto results = hot.drain([&](const scanner::HotFolderFile& file, const scanner::Page& page) {
        if (bytesOf != file.path) {
            bytes = fileBytes(file.path);
            bytesOf = file.path;
        }
        const auto report = batch.ingest(page, bytes, file.path.extension().string());
        onPage(outcomeOf(report, lessonOf(store, report.result.serial)));
    });
    int failed = 0;
    for (const auto& r : results)
        failed += r.outcome == scanner::HotFolderOutcome::Failed ? 1 : 0;
    return std::to_string(results.size()) + " file(s) from " + folder.string() +
           (failed ? ", " + std::to_string(failed) + " moved to failed/" : "");
}

} // namespace scanstation::ui
