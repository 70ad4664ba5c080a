#include "scanstation/scanner/sources/batch_pull.hpp"

namespace scanstation::scanner {

BatchSummary pullBatch(PageSource& source, const std::function<void(Page&&)>& onPage,
                       const std::function<bool(const SourceEvent& fault)>& onFault) {
    BatchSummary summary;
    while (true) {
        SourceEvent event = source.next();
        switch (event.kind) {
        case SourceEvent::Kind::Page:
            onPage(std::move(event.page));
            ++summary.pages;
            break;
        case SourceEvent::Kind::Fault:
            ++summary.faults;
            summary.message = event.message;
            if (!onFault(event)) {
                source.cancel();
                summary.stoppedAtFault = true;
                summary.end = BatchEnd::Cancelled;
                return summary;
            }
            break;
        case SourceEvent::Kind::End:
            summary.end = event.end;
            summary.message = event.message;
            return summary;
        }
    }
}

} // namespace scanstation::scanner
