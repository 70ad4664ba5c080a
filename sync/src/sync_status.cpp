#include "scanstation/sync/sync_status.hpp"

#include <ctime>

namespace scanstation::sync {

std::string describeDuration(std::chrono::seconds duration) {
    const auto s = std::max<std::int64_t>(duration.count(), 0);
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min";
    const auto minutes = (s % 3600) / 60;
    if (s < 86400) return std::to_string(s / 3600) + " h " + (minutes < 10 ? "0" : "") + std::to_string(minutes) + " min";
    return std::to_string(s / 86400) + " d " + std::to_string((s % 86400) / 3600) + " h";
}

namespace {
std::string clockTime(core::TimePoint t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &tm);
    return buffer;
}

std::string ago(core::TimePoint then, core::TimePoint now) {
    return describeDuration(std::chrono::duration_cast<std::chrono::seconds>(now - then));
}
} // namespace

std::string describeStatus(const core::OutboxStatus& s, core::TimePoint now) {
    std::string out;
    if (s.waiting > 0)
        out += "NOT DONE: " + std::to_string(s.waiting) + " record(s) are not yet in the register; keep the cards.\n";
    else if (s.inReview > 0)
        out += "NOT DONE: the register refused " + std::to_string(s.inReview) +
               " record(s); an administrator must decide.\n";
    else
        out += "All records are in the register.\n";

    if (!s.link.since && !s.link.lastSuccessAt)
        out += "Register: not reached yet.\n";
    else if (s.link.online)
        out += "Register: online since " + clockTime(*s.link.since) + " (" + ago(*s.link.since, now) + ").\n";
    else
        out += "Register: OFFLINE since " + clockTime(*s.link.since) + " (" + ago(*s.link.since, now) + ").\n";

    if (s.waiting > 0) {
        out += "Waiting: " + std::to_string(s.waiting) + " record(s)";
        if (s.oldestWaiting) out += ", the oldest for " + ago(*s.oldestWaiting, now);
        out += ".\n";
    }
    if (s.inReview > 0)
        out += "Refused by the register, for an administrator: " + std::to_string(s.inReview) + " record(s).\n";
    out += "Acknowledged by the register so far: " + std::to_string(s.acknowledged) + " record(s).\n";
    if (!s.link.lastError.empty()) {
        out += "Last error";
        if (s.link.lastErrorAt) out += " (" + clockTime(*s.link.lastErrorAt) + ")";
        out += ": " + s.link.lastError + ".\n";
    }
    if (s.link.lastSuccessAt) out += "Last delivery: " + clockTime(*s.link.lastSuccessAt) + ".\n";
    return out;
}

} // namespace scanstation::sync
