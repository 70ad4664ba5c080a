#include "scanstation/scanner/ingest/batch_ingest.hpp"

#include "ingest/page_original.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/ingest/reading_conversion.hpp"

namespace scanstation::scanner {

void IngestSummary::countPage(core::IngestOutcome outcome) {
    ++pages;
    switch (outcome) {
    case core::IngestOutcome::Accepted: ++read; break;
    case core::IngestOutcome::NeedsReview: ++needsReview; break;
    case core::IngestOutcome::Rejected: ++rejected; break;
    case core::IngestOutcome::Duplicate: ++duplicates; break;
    case core::IngestOutcome::NotACard: ++notCards; break;
    }
}

BatchIngest::BatchIngest(core::Store& store, const Recognizer& recognizer, std::string actor,
                         const core::SecretKey& dataKey, core::ValidationRules rules)
    : m_store(store), m_recognizer(recognizer), m_actor(std::move(actor)), m_recorder(store, std::move(rules)),
      m_images(store, dataKey) {}

BatchIngest::BatchIngest(core::Store& store, const Recognizer& recognizer, std::string actor,
                         core::ValidationRules rules)
    : m_store(store), m_recognizer(recognizer), m_actor(std::move(actor)), m_recorder(store, std::move(rules)),
      m_images(store) {}

PageReport BatchIngest::recordPage(const Page& page, const detail::PageOriginal& original) {
    if (!m_plainOriginalsMoved) {
        m_images.migratePlainOriginals(m_actor); // never a plain original beside the vault
        m_plainOriginalsMoved = true;
    }
    PageReport report;
    report.source = page.source;
    report.pageNumber = page.pageNumber;
    report.pageHash = original.pageHash;
    // A page recorded before (an earlier, interrupted run of the batch) is not recognised again.
    if (m_recorder.isRecorded(original.pageHash)) {
        report.result = m_recorder.record(m_actor, core::CardReading{original.pageHash, page.source, page.pageNumber,
                                                                     core::PageStatus::NotACard, {}, {}, {}, {}, {}});
    } else {
        const auto recognition = m_recognizer.recognize(page.image.view());
        const auto reading = toCardReading(m_store, recognition, page.source, page.pageNumber, original.pageHash);
        m_images.put(original.bytes, original.extension); // durable before the row that names it
        core::Transaction tx(m_store);
        m_images.recordPage(original.pageHash, original.fileHash, original.extension, original.pageInFile,
                            original.bytes.size());
        report.result = m_recorder.record(m_actor, reading);
        tx.commit();
    }
    if (const auto where = m_images.locate(original.pageHash))
        report.imagePath = where->file.string();
    return report;
}

PageReport BatchIngest::ingestFromSource(const Page& page) {
    auto report = recordPage(page, detail::originalOf(page));
    report.index = ++m_index;
    if (m_onPage)
        m_onPage(report);
    return report;
}

PageReport BatchIngest::ingest(const Page& page, const std::string& original, const std::string& extension) {
    const auto o = detail::originalOf(original, extension, page.pageNumber, page.pageNumber > 1);
    auto report = recordPage(page, o);
    report.index = ++m_index;
    if (m_onPage)
        m_onPage(report);
    return report;
}

IngestSummary BatchIngest::run(PageSource& source) {
    IngestSummary summary;
    for (;;) {
        auto event = source.next();
        if (event.kind == SourceEvent::Kind::End) {
            summary.end = toString(event.end);
            return summary;
        }
        if (event.kind == SourceEvent::Kind::Fault) {
            ++summary.faults;
            summary.faultMessages.push_back(event.message);
            if (m_onFault)
                m_onFault(event.fault, event.message);
            if (event.fault != FaultKind::BadPage) {
                summary.end = toString(event.fault);
                return summary;
            }
            continue;
        }
        const auto report = ingestFromSource(event.page);
        summary.countPage(report.result.outcome);
    }
}

} // namespace scanstation::scanner
