#include "scanstation/core/shredding.hpp"

#include "ingestion/held_cards.hpp"
#include "ingestion/operator_check.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <algorithm>

namespace scanstation::core {

namespace {

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<std::string> plainSerial(const std::string& code) {
    const std::string t = trim(code);
    if (t.size() == 8 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return t;
    return std::nullopt;
}

std::optional<HeldCard> heldCard(Store& store, const std::string& serial) {
    for (auto& h : heldCardsOf(store))
        if (h.serial == serial)
            return h;
    return std::nullopt;
}

void shredOne(Store& store, const std::string& actor, const HeldCard& card, const std::string& method,
              const std::string& witness) {
    CardRegistry cards(store);
    if (cards.find(card.serial)->state == CardState::Acknowledged)
        cards.transition(actor, card.serial, CardState::InCustody, "held for shredding");
    cards.transition(actor, card.serial, CardState::Shredded,
                     "shredded by " + actor + (witness.empty() ? "" : ", witness " + witness));
    store.database()
        .prepare("INSERT INTO shredding_log (serial, day, operator, at_ms, method, witness) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, card.serial)
        .bind(2, card.day.toString())
        .bind(3, actor)
        .bind(4, toUnixMs(store.clock().now()))
        .bind(5, method)
        .bind(6, witness)
        .run();
    AuditLog(store).append(actor, "card.shred", "card:" + card.serial,
                           "day " + card.day.toString() + ", " + card.lesson + ", confirmed per " + method +
                               (witness.empty() ? "" : ", witness " + witness));
}

ShredResult refusal(const std::string& serial, const std::string& why) {
    return ShredResult{false, serial, "card " + serial + ": " + why};
}

} // namespace

ShreddingDesk::ShreddingDesk(Store& store, CodeToSerial codeToSerial)
    : m_store(store), m_codeToSerial(codeToSerial ? std::move(codeToSerial) : CodeToSerial(plainSerial)) {}

std::vector<HeldCard> ShreddingDesk::eligible(const std::string& actor) const {
    std::vector<HeldCard> out;
    for (auto& h : Custody(m_store).heldCards(actor))
        if (h.eligible)
            out.push_back(std::move(h));
    return out;
}

ShredResult ShreddingDesk::confirmCard(const std::string& actor, const std::string& code, const std::string& witness) {
    requirePermission(m_store, actor, Action::ShredCards, false, "");
    auto serial = m_codeToSerial(code);
    if (!serial)
        serial = plainSerial(code);
    if (!serial)
        return ShredResult{false, "", "'" + trim(code) + "' is not a card code — keep the paper aside and check it"};
    Transaction tx(m_store);
    const auto card = CardRegistry(m_store).find(*serial);
    if (!card)
        return refusal(*serial, "not a card of this station — keep it aside");
    if (card->state == CardState::Shredded)
        return refusal(*serial, "was shredded already — this paper is a copy, keep it aside");
    const auto held = heldCard(m_store, *serial);
    if (!held)
        return refusal(*serial, "was never scanned — keep it");
    if (!held->eligible)
        return refusal(*serial, held->reason);
    shredOne(m_store, actor, *held, "card", witness);
    tx.commit();
    return ShredResult{true, *serial, "card " + *serial + " shredded (" + held->lesson + ")"};
}

std::vector<ShredResult> ShreddingDesk::confirmDay(const std::string& actor, const Date& day,
                                                   const std::string& witness) {
    requirePermission(m_store, actor, Action::ShredCards, false, "day " + day.toString());
    Transaction tx(m_store);
    std::vector<HeldCard> stack;
    for (auto& h : heldCardsOf(m_store))
        if (h.day == day)
            stack.push_back(std::move(h));
    if (stack.empty())
        throw Error(ErrorKind::NotFound, "no cards are held for " + day.toString());
    std::vector<ShredResult> refusals;
    for (const auto& h : stack)
        if (!h.eligible)
            refusals.push_back(refusal(h.serial, h.reason + " (take it out of the stack; nothing of " +
                                                     day.toString() + " was shredded)"));
    if (!refusals.empty())
        return refusals;
    std::vector<ShredResult> done;
    for (const auto& h : stack) {
        shredOne(m_store, actor, h, "day", witness);
        done.push_back(ShredResult{true, h.serial, "card " + h.serial + " shredded (" + h.lesson + ")"});
    }
    tx.commit();
    return done;
}

std::vector<ShredRecord> ShreddingDesk::shreddedOn(const std::string& actor, const Date& date) const {
    const auto op = operatorFor(m_store, actor);
    if (!isAllowed(op.role, Action::ViewReports, true) && !isAllowed(op.role, Action::ShredCards))
        require(op.role, Action::ViewReports);
    auto st = m_store.database().prepare(
        "SELECT s.serial, s.day, s.operator, s.at_ms, s.method, s.witness, c.lesson_slot_id FROM shredding_log s "
        "JOIN cards c ON c.serial = s.serial WHERE date(s.at_ms / 1000, 'unixepoch') = ? ORDER BY s.serial");
    st.bind(1, date.toString());
    Timetable timetable(m_store);
    std::vector<ShredRecord> out;
    while (st.step()) {
        ShredRecord r;
        r.serial = st.getText(0);
        r.day = Date::parse(st.getText(1)).value_or(Date{});
        r.operatorLogin = st.getText(2);
        r.at = fromUnixMs(st.getInt(3));
        r.method = st.getText(4);
        r.witness = st.getText(5);
        const auto slot = st.isNull(6) ? std::nullopt : timetable.slot(st.getInt(6));
        r.lesson = slot ? slot->date.toString() + ", lesson " + std::to_string(slot->lessonNumber) + ", " +
                              slot->classOrGroupCode + ", " + slot->subjectCode
                        : "outage card";
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace scanstation::core
