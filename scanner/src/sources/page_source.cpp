#include "scanstation/scanner/sources/page_source.hpp"

namespace scanstation::scanner {

std::string toString(BatchEnd end) {
    switch (end) {
    case BatchEnd::Exhausted: return "exhausted";
    case BatchEnd::FeederEmpty: return "feeder_empty";
    case BatchEnd::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string toString(FaultKind kind) {
    switch (kind) {
    case FaultKind::Jammed: return "jammed";
    case FaultKind::CoverOpen: return "cover_open";
    case FaultKind::DeviceGone: return "device_gone";
    case FaultKind::DeviceBusy: return "device_busy";
    case FaultKind::BadPage: return "bad_page";
    }
    return "unknown";
}

SourceEvent SourceEvent::ofPage(Page page) {
    SourceEvent e;
    e.kind = Kind::Page;
    e.page = std::move(page);
    return e;
}

SourceEvent SourceEvent::ofEnd(BatchEnd end, std::string message) {
    SourceEvent e;
    e.kind = Kind::End;
    e.end = end;
    e.message = std::move(message);
    return e;
}

SourceEvent SourceEvent::ofFault(FaultKind fault, std::string message) {
    SourceEvent e;
    e.kind = Kind::Fault;
    e.fault = fault;
    e.message = std::move(message);
    return e;
}

} // namespace scanstation::scanner
