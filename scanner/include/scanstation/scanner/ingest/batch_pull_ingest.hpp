#pragma once
// The one acquisition pipeline: pages pulled from any PageSource (files, a SANE feeder, a hot
// folder's file, a camera) go one by one into BatchIngest — stored, recognised, validated and
// recorded, each reported (onPage) as soon as it is committed, while the feeder still runs.
// An unreadable file (BadPage) is counted and skipped; any other fault (jam, cover open,
// device gone or busy) pauses the batch and asks the operator: cleared -> the same source goes
// on; stop -> the batch ends there. Pages stored before a fault are never dropped.
#include "scanstation/scanner/ingest/batch_ingest.hpp"
#include "scanstation/scanner/sources/batch_pull.hpp"

#include <functional>
#include <string>

namespace scanstation::scanner {

struct PulledBatch {
    IngestSummary ingest;      // the stored pages by outcome; ingest.end as in BatchIngest::run
    BatchSummary pull;         // how the source ended and the faults met
    bool stoppedAtFault = false;
    FaultKind lastFault = FaultKind::BadPage; // meaningful when stoppedAtFault
};

// Called at every fault, to tell the operator; returns true when the operator has cleared it
// and the batch may go on. For BadPage (an unreadable file) the answer is ignored: the batch
// always goes on past it.
using FaultDecision = std::function<bool(const SourceEvent& fault)>;

// Exceptions from storing a page propagate (pages committed before stay committed).
PulledBatch ingestPulledBatch(PageSource& source, BatchIngest& batch, const FaultDecision& askOperator);

} // namespace scanstation::scanner
