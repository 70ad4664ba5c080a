#pragma once
// The pull model every acquisition source follows: the batch pipeline asks for the next page
// and gets a page, the end of the batch, or a fault that pauses the batch until the operator
// has cleared it. A source never throws away a page it has delivered; a fault never ends a batch.
#include "scanstation/scanner/image.hpp"

#include <memory>
#include <string>

namespace scanstation::scanner {

enum class BatchEnd {
    Exhausted,   // every file / frame of the input was delivered
    FeederEmpty, // the document feeder ran out of paper: the normal end of a scanner batch
    Cancelled,   // cancel() was called; the page in progress was still delivered
};

enum class FaultKind {
    Jammed,      // paper jam in the feeder
    CoverOpen,   // the scanner's cover or feeder lid is open
    DeviceGone,  // I/O error, unplugged, powered off: the device is reopened on retry
    DeviceBusy,  // another program holds the device
    BadPage,     // one input (file, page) could not be read; the source moves on past it
};

std::string toString(BatchEnd end);
std::string toString(FaultKind kind);

struct SourceEvent {
    enum class Kind { Page, End, Fault };
    Kind kind = Kind::End;
    Page page;                         // Kind::Page
    BatchEnd end = BatchEnd::Exhausted; // Kind::End
    FaultKind fault = FaultKind::Jammed; // Kind::Fault
    std::string message;               // for End and Fault: what the operator reads

    static SourceEvent ofPage(Page page);
    static SourceEvent ofEnd(BatchEnd end, std::string message);
    static SourceEvent ofFault(FaultKind fault, std::string message);
};

class PageSource {
public:
    virtual ~PageSource() = default;

    // What the operator sees as the source's name, e.g. "sane:fujitsu:fi-7160:1234".
    virtual std::string describe() const = 0;

    // Blocks until the next page, the end of the batch or a fault. After a fault, calling
    // next() again means "the operator has cleared it: continue"; after End it keeps
    // returning End. Infrastructure failures that no operator can clear throw scanstation::Error.
    virtual SourceEvent next() = 0;

    // Thread-safe: the batch ends after the page being read now; next() then returns
    // End(Cancelled). Nothing already scanned is dropped.
    virtual void cancel() = 0;
};

} // namespace scanstation::scanner
