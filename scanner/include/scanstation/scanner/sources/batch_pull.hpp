#pragma once
// The batch loop every consumer of a PageSource writes, once: pull pages until the batch ends;
// on a fault, ask the operator (onFault returns true once it is cleared, false to stop there).
#include "scanstation/scanner/sources/page_source.hpp"

#include <functional>
#include <string>

namespace scanstation::scanner {

struct BatchSummary {
    int pages = 0;                 // pages handed to onPage
    int faults = 0;                // faults met (each one reported to onFault)
    bool stoppedAtFault = false;   // onFault said stop: the batch ended at a fault, pages kept
    BatchEnd end = BatchEnd::Exhausted;
    std::string message;           // the last End or Fault message, for the operator
};

// onPage may throw to abort the batch (the exception propagates; pages handed over stay handed).
BatchSummary pullBatch(PageSource& source, const std::function<void(Page&&)>& onPage,
                       const std::function<bool(const SourceEvent& fault)>& onFault);

} // namespace scanstation::scanner
