#include "scanstation/core/card_reading.hpp"

#include <array>
#include <utility>

namespace scanstation::core {

namespace {
constexpr std::array<std::pair<PageStatus, const char*>, 5> kPageStatuses{{
    {PageStatus::Read, "read"},
    {PageStatus::NeedsReview, "needs_review"},
    {PageStatus::Unreadable, "unreadable"},
    {PageStatus::NotACard, "not_a_card"},
    {PageStatus::Blank, "blank"},
}};
} // namespace

std::string toString(PageStatus status) {
    for (const auto& [s, name] : kPageStatuses)
        if (s == status)
            return name;
    return "unknown";
}

std::optional<PageStatus> pageStatusFromString(const std::string& text) {
    for (const auto& [s, name] : kPageStatuses)
        if (text == name)
            return s;
    return std::nullopt;
}

std::string toString(FieldState state) {
    switch (state) {
    case FieldState::Value: return "value";
    case FieldState::Nothing: return "nothing";
    case FieldState::Flagged: return "flagged";
    }
    return "unknown";
}

CardFrame::PagePoint CardFrame::toPage(double xMm, double yMm) const {
    const auto& h = mmToPx;
    const double w = h[6] * xMm + h[7] * yMm + h[8];
    return {(h[0] * xMm + h[1] * yMm + h[2]) / w, (h[3] * xMm + h[4] * yMm + h[5]) / w};
}

std::string FieldReading::joined() const {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty())
            out += ",";
        out += v;
    }
    return out;
}

const FieldReading* CardReading::field(const std::string& fieldId) const {
    for (const auto& f : fields)
        if (f.fieldId == fieldId)
            return &f;
    return nullptr;
}

} // namespace scanstation::core
