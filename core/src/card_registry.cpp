#include "scanstation/core/card_registry.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <array>
#include <set>
#include <cstdio>
#include <utility>

namespace scanstation::core {

namespace {

constexpr std::array<std::pair<CardState, const char*>, 9> kStates{{
    {CardState::Issued, "issued"},
    {CardState::Scanned, "scanned"},
    {CardState::NeedsReview, "needs_review"},
    {CardState::Rejected, "rejected"},
    {CardState::Accepted, "accepted"},
    {CardState::Queued, "queued"},
    {CardState::Acknowledged, "acknowledged"},
    {CardState::InCustody, "in_custody"},
    {CardState::Shredded, "shredded"},
}};

constexpr const char* kSelect = "SELECT serial, template_id, template_version, lesson_slot_id, roster_version, state, "
                                "issued_at_ms, issued_by, updated_at_ms FROM cards";

Card readCard(const sql::Statement& st) {
    Card c;
    c.serial = st.getText(0);
    c.templateId = st.getText(1);
    c.templateVersion = static_cast<int>(st.getInt(2));
    c.lessonSlotId = st.getOptionalInt(3);
    c.rosterVersion = st.getInt(4);
    c.state = cardStateFromString(st.getText(5)).value_or(CardState::Issued);
    c.issuedAt = fromUnixMs(st.getInt(6));
    c.issuedBy = st.getText(7);
    c.updatedAt = fromUnixMs(st.getInt(8));
    return c;
}

std::string formatSerial(std::int64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(n));
    return buf;
}

void recordTransition(sql::Database& db, const std::string& serial, std::optional<CardState> from, CardState to,
                      const std::string& actor, std::int64_t atMs, const std::string& reason) {
    db.prepare("INSERT INTO card_transitions (serial, from_state, to_state, actor, at_ms, reason) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, serial)
        .bind(2, from ? std::optional<std::string>(toString(*from)) : std::nullopt)
        .bind(3, toString(to))
        .bind(4, actor)
        .bind(5, atMs)
        .bind(6, reason)
        .run();
}

} // namespace

std::string toString(CardState state) {
    for (const auto& [s, name] : kStates)
        if (s == state)
            return name;
    return "unknown";
}

std::optional<CardState> cardStateFromString(const std::string& text) {
    for (const auto& [s, name] : kStates)
        if (text == name)
            return s;
    return std::nullopt;
}

bool isAllowedTransition(CardState from, CardState to) {
    using S = CardState;
    switch (from) {
    case S::Issued: return to == S::Scanned;
    case S::Scanned: return to == S::NeedsReview || to == S::Rejected || to == S::Accepted;
    case S::NeedsReview: return to == S::Accepted || to == S::Rejected;
    case S::Rejected: return to == S::Scanned;
    case S::Accepted: return to == S::Queued;
    case S::Queued: return to == S::Acknowledged || to == S::NeedsReview;
    case S::Acknowledged: return to == S::InCustody;
    case S::InCustody: return to == S::Shredded;
    case S::Shredded: return false;
    }
    return false;
}

Card CardRegistry::issue(const std::string& actor, const CardIssueRequest& request, const std::vector<CardRow>& rows) {
    if (request.templateId.empty())
        throw Error(ErrorKind::BadInput, "a card needs a template id");
    std::set<int> seenRows;
    for (const auto& r : rows)
        if (r.row < 1 || !seenRows.insert(r.row).second || r.pupilId.empty())
            throw Error(ErrorKind::BadInput, "card row " + std::to_string(r.row) + " (pupil '" + r.pupilId +
                                                 "') is below 1, repeated or names no pupil");
    Transaction tx(m_store);
    auto& db = m_store.database();
    auto version = db.prepare("SELECT COALESCE(MAX(number), 0) FROM roster_versions");
    version.step();
    const std::int64_t rosterVersion = version.getInt(0);
    if (rosterVersion == 0)
        throw Error(ErrorKind::Conflict, "no roster was imported yet: import one before printing cards");
    if (request.lessonSlotId) {
        auto slot = db.prepare("SELECT cancelled FROM lesson_slots WHERE id = ?");
        slot.bind(1, *request.lessonSlotId);
        if (!slot.step())
            throw Error(ErrorKind::NotFound, "no lesson slot " + std::to_string(*request.lessonSlotId));
        if (slot.getInt(0) != 0)
            throw Error(ErrorKind::Conflict, "lesson slot " + std::to_string(*request.lessonSlotId) + " was cancelled");
    }
    auto next = db.prepare("SELECT COALESCE(MAX(CAST(serial AS INTEGER)), 0) + 1 FROM cards");
    next.step();
    const std::string serial = formatSerial(next.getInt(0));
    const std::int64_t now = toUnixMs(m_store.clock().now());
    db.prepare("INSERT INTO cards (serial, template_id, template_version, lesson_slot_id, roster_version, state, "
               "issued_at_ms, issued_by, updated_at_ms, note) VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?)")
        .bind(1, serial)
        .bind(2, request.templateId)
        .bind(3, request.templateVersion)
        .bind(4, request.lessonSlotId)
        .bind(5, rosterVersion)
        .bind(6, now)
        .bind(7, actor)
        .bind(8, now)
        .bind(9, request.note)
        .run();
    recordTransition(db, serial, std::nullopt, CardState::Issued, actor, now, request.note);
    auto rowInsert = db.prepare("INSERT INTO card_rows (serial, row_number, pupil_id, register_number) VALUES (?, ?, ?, ?)");
    for (const auto& r : rows) {
        rowInsert.bind(1, serial).bind(2, r.row).bind(3, r.pupilId).bind(4, r.registerNumber).run();
        rowInsert.reset();
    }
    std::string details = "template " + request.templateId + " v" + std::to_string(request.templateVersion) +
                          ", roster v" + std::to_string(rosterVersion) +
                          (request.lessonSlotId ? ", lesson slot " + std::to_string(*request.lessonSlotId) : ", outage card") +
                          (rows.empty() ? "" : ", " + std::to_string(rows.size()) + " pupil rows");
    AuditLog(m_store).append(actor, "card.issue", "card:" + serial, details);
    tx.commit();
    return *find(serial);
}

Card CardRegistry::transition(const std::string& actor, const std::string& serial, CardState to, const std::string& reason) {
    Transaction tx(m_store);
    const auto card = find(serial);
    if (!card)
        throw Error(ErrorKind::NotFound, "no card with serial " + serial);
    if (!isAllowedTransition(card->state, to))
        throw Error(ErrorKind::Conflict, "card " + serial + " is " + toString(card->state) + " and cannot become " +
                                             toString(to));
    if (reason.empty() && (to == CardState::Rejected || to == CardState::NeedsReview || to == CardState::Shredded))
        throw Error(ErrorKind::BadInput, "moving card " + serial + " to " + toString(to) + " needs a reason");
    const std::int64_t now = toUnixMs(m_store.clock().now());
    auto& db = m_store.database();
    db.prepare("UPDATE cards SET state = ?, updated_at_ms = ? WHERE serial = ?").bind(1, toString(to)).bind(2, now).bind(3, serial).run();
    recordTransition(db, serial, card->state, to, actor, now, reason);
    AuditLog(m_store).append(actor, "card.transition", "card:" + serial,
                             toString(card->state) + " -> " + toString(to) + (reason.empty() ? "" : ": " + reason));
    tx.commit();
    return *find(serial);
}

std::optional<Card> CardRegistry::find(const std::string& serial) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE serial = ?");
    st.bind(1, serial);
    if (!st.step())
        return std::nullopt;
    return readCard(st);
}

std::vector<CardTransition> CardRegistry::history(const std::string& serial) const {
    auto st = m_store.database().prepare(
        "SELECT from_state, to_state, actor, at_ms, reason FROM card_transitions WHERE serial = ? ORDER BY id");
    st.bind(1, serial);
    std::vector<CardTransition> out;
    while (st.step()) {
        CardTransition t;
        t.serial = serial;
        if (auto from = st.getOptionalText(0))
            t.from = cardStateFromString(*from);
        t.to = cardStateFromString(st.getText(1)).value_or(CardState::Issued);
        t.actor = st.getText(2);
        t.at = fromUnixMs(st.getInt(3));
        t.reason = st.getText(4);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<Card> CardRegistry::inState(CardState state) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE state = ? ORDER BY serial");
    st.bind(1, toString(state));
    std::vector<Card> out;
    while (st.step())
        out.push_back(readCard(st));
    return out;
}

std::vector<Card> CardRegistry::forLessonSlot(std::int64_t lessonSlotId) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE lesson_slot_id = ? ORDER BY serial");
    st.bind(1, lessonSlotId);
    std::vector<Card> out;
    while (st.step())
        out.push_back(readCard(st));
    return out;
}

std::vector<CardRow> CardRegistry::rowsOf(const std::string& serial) const {
    auto st = m_store.database().prepare(
        "SELECT row_number, pupil_id, register_number FROM card_rows WHERE serial = ? ORDER BY row_number");
    st.bind(1, serial);
    std::vector<CardRow> out;
    while (st.step())
        out.push_back(CardRow{static_cast<int>(st.getInt(0)), st.getText(1), static_cast<int>(st.getInt(2))});
    return out;
}

} // namespace scanstation::core
