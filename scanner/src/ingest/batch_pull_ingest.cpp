#include "scanstation/scanner/ingest/batch_pull_ingest.hpp"

namespace scanstation::scanner {

PulledBatch ingestPulledBatch(PageSource& source, BatchIngest& batch, const FaultDecision& askOperator) {
    PulledBatch result;
    result.pull = pullBatch(
        source, [&](Page&& page) { result.ingest.countPage(batch.ingestFromSource(page).result.outcome); },
        [&](const SourceEvent& fault) {
            ++result.ingest.faults;
            result.ingest.faultMessages.push_back(fault.message);
            result.lastFault = fault.fault;
            // An unreadable file is a finding about that file: the operator is told, the batch goes on.
            const bool goOn = askOperator(fault) || fault.fault == FaultKind::BadPage;
            result.stoppedAtFault = !goOn;
            return goOn;
        });
    result.ingest.end = result.stoppedAtFault ? toString(result.lastFault) : toString(result.pull.end);
    return result;
}

} // namespace scanstation::scanner
