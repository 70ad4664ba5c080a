#include "scanstation/core/custody.hpp"

#include "ingestion/held_cards.hpp"
#include "ingestion/operator_check.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "sha256.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <cctype>

namespace scanstation::core {

namespace {

// Every scanned, not shredded card with its lesson (issued or assigned) and open item count.
constexpr const char* kHeld =
    "SELECT c.serial, c.state, COALESCE(c.lesson_slot_id, lr.lesson_slot_id), "
    " (SELECT MIN(recorded_at_ms) FROM card_readings WHERE serial = c.serial), "
    " (SELECT COUNT(*) FROM review_items WHERE serial = c.serial AND state = 'open'), "
    " (SELECT reason FROM card_transitions WHERE serial = c.serial ORDER BY id DESC LIMIT 1) "
    "FROM cards c LEFT JOIN lesson_records lr ON lr.serial = c.serial "
    "WHERE c.state NOT IN ('issued', 'shredded') AND EXISTS (SELECT 1 FROM card_readings WHERE serial = c.serial)";

std::string holdReason(CardState state, int openItems, const std::string& lastReason) {
    const std::string open = std::to_string(openItems) + " item(s) open in review — keep it";
    switch (state) {
    case CardState::Scanned: return "being read — keep it";
    case CardState::NeedsReview:
        return openItems > 0 ? open : "the register refused some of its data (sync review) — keep it";
    case CardState::Rejected:
        return "rejected (" + lastReason + ") — keep it until a corrected rescan or the administrator's decision";
    case CardState::Accepted: return "not yet in the register — keep it (accepted, waiting to be sent)";
    case CardState::Queued: return "not yet in the register — keep it (sent, waiting for the acknowledgement)";
    case CardState::Acknowledged:
    case CardState::InCustody: return openItems > 0 ? open : "in the register — may be shredded";
    default: return "";
    }
}

std::string describe(const std::optional<LessonSlot>& slot) {
    if (!slot)
        return "outage card, lesson not assigned";
    return slot->date.toString() + ", lesson " + std::to_string(slot->lessonNumber) + ", " + slot->classOrGroupCode +
           ", " + slot->subjectCode;
}

} // namespace

std::vector<HeldCard> heldCardsOf(Store& store) {
    auto st = store.database().prepare(kHeld);
    Timetable timetable(store);
    std::vector<HeldCard> out;
    while (st.step()) {
        HeldCard h;
        h.serial = st.getText(0);
        const auto state = cardStateFromString(st.getText(1)).value_or(CardState::Scanned);
        h.state = toString(state);
        const auto slot = st.isNull(2) ? std::nullopt : timetable.slot(st.getInt(2));
        h.day = slot ? slot->date : *Date::parse(formatUtc(fromUnixMs(st.getInt(3))));
        h.lesson = describe(slot);
        const int open = static_cast<int>(st.getInt(4));
        h.eligible = (state == CardState::Acknowledged || state == CardState::InCustody) && open == 0;
        h.reason = holdReason(state, open, st.getOptionalText(5).value_or(""));
        out.push_back(std::move(h));
    }
    std::sort(out.begin(), out.end(), [](const HeldCard& a, const HeldCard& b) {
        return a.day != b.day ? a.day < b.day : a.serial < b.serial;
    });
    return out;
}

std::vector<HeldCard> Custody::heldCards(const std::string& actor) const {
    const auto op = operatorFor(m_store, actor);
    if (!isAllowed(op.role, Action::ViewReports, true) && !isAllowed(op.role, Action::FileCards))
        require(op.role, Action::ViewReports);
    return heldCardsOf(m_store);
}

std::vector<CustodyDay> Custody::days(const std::string& actor) const {
    std::vector<CustodyDay> out;
    for (const auto& card : heldCards(actor)) {
        if (out.empty() || out.back().day != card.day)
            out.push_back(CustodyDay{card.day, {}, 0, ""});
        out.back().serials.push_back(card.serial);
        out.back().eligible += card.eligible ? 1 : 0;
    }
    for (auto& d : out)
        d.labelCode = labelCode(d.day, d.serials);
    return out;
}

std::string Custody::labelCode(const Date& day, const std::vector<std::string>& serials) {
    std::string canonical;
    for (const auto& s : serials)
        appendCanonical(canonical, s);
    std::string hash = sha256Hex(canonical).substr(0, 6);
    for (auto& c : hash)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string date = day.toString();
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    return "D" + date + "-" + hash;
}

CustodyLabel Custody::label(const std::string& actor, const Date& day) {
    requirePermission(m_store, actor, Action::FileCards, false, "custody label " + day.toString());
    CustodyLabel label;
    label.day = day;
    for (const auto& card : heldCardsOf(m_store))
        if (card.day == day)
            label.serials.push_back(card.serial);
    if (label.serials.empty())
        throw Error(ErrorKind::NotFound, "no cards are held for " + day.toString());
    label.code = labelCode(day, label.serials);
    label.printedAt = m_store.clock().now();
    label.printedBy = actor;
    if (const auto school = Roster(m_store).school())
        label.school = school->name;
    Transaction tx(m_store);
    std::string serials;
    for (const auto& s : label.serials)
        serials += (serials.empty() ? "" : " ") + s;
    m_store.database()
        .prepare("INSERT OR IGNORE INTO custody_labels (code, day, serials, cards, printed_by, printed_at_ms) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, label.code)
        .bind(2, day.toString())
        .bind(3, serials)
        .bind(4, static_cast<int>(label.serials.size()))
        .bind(5, actor)
        .bind(6, toUnixMs(label.printedAt))
        .run();
    AuditLog(m_store).append(actor, "custody.label", "day:" + day.toString(),
                             label.code + ": " + std::to_string(label.serials.size()) + " card(s): " + serials);
    tx.commit();
    return label;
}

} // namespace scanstation::core
