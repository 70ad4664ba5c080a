#pragma once
// How `scan` asks the operator what to do when a batch pauses: at a fault of the source (paper
// jam, cover open, device gone or busy) and when the document feeder runs empty.
//  - stdin is a terminal: a question on stderr, answered with Enter (continue) or "s" (stop);
//  - stdin is not a terminal (scripts, the kiosk's helper): the same answers, one per line,
//    read without a question; end of input means stop, so a script never hangs;
//  - --continue: every fault is retried without asking, but the batch stops when the same fault
//    comes back kRetries times with no page in between (nobody is there to clear it). The
//    feeder running empty then ends the batch.
// Every message names the fault and says how many pages are already stored.
#include "scanstation/scanner/sources/page_source.hpp"

#include <string>

namespace scanstation::cli {

class OperatorPrompt {
public:
    static constexpr int kRetries = 3;

    explicit OperatorPrompt(bool autoContinue);

    // True when the operator cleared the fault and the batch goes on. `pagesStored` counts the
    // pages of this batch so far. BadPage faults are only reported (the batch goes on anyway).
    bool faultCleared(const scanner::SourceEvent& fault, int pagesStored);

    // The feeder ran empty: true when the operator loaded more pages for the same batch.
    bool moreLoaded(const std::string& message, int pagesStored);

private:
    // The operator's answer; false for stop, end of input or an interrupted read (Ctrl-C).
    bool answeredContinue(const std::string& question);

    bool m_autoContinue = false;
    bool m_terminal = false;
    scanner::FaultKind m_lastFault = scanner::FaultKind::BadPage;
    int m_pagesAtLastFault = -1;
    int m_repeats = 0;
};

} // namespace scanstation::cli
