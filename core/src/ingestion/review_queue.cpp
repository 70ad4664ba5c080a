#include "scanstation/core/review_queue.hpp"

#include "ingestion/card_settlement.hpp"
#include "ingestion/operator_check.hpp"
#include "ingestion/reading_rows.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/lesson_card_fields.hpp"
#include "scanstation/core/period_locks.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "sync_review.hpp"
#include "time_util.hpp"

#include <algorithm>

namespace scanstation::core {

namespace {

constexpr const char* kSelect =
    "SELECT ri.id, ri.reading_id, COALESCE(ri.serial, ''), ri.field_id, ri.code, ri.message, ri.administrator_only, "
    "ri.state, ri.chosen_value, ri.decided_by, COALESCE(ri.decided_why, ''), ri.decided_at_ms, ri.created_at_ms, "
    "cr.page_hash, cr.source, c.lesson_slot_id FROM review_items ri JOIN card_readings cr ON cr.id = ri.reading_id "
    "LEFT JOIN cards c ON c.serial = ri.serial";

std::optional<ReviewState> reviewStateFromString(const std::string& text) {
    for (auto s : {ReviewState::Open, ReviewState::Resolved, ReviewState::Rejected, ReviewState::Superseded})
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

ReviewItem readItem(Store& store, const sql::Statement& st) {
    ReviewItem i;
    i.id = st.getInt(0);
    i.readingId = st.getInt(1);
    i.serial = st.getText(2);
    i.fieldId = st.getText(3);
    i.code = st.getText(4);
    i.message = st.getText(5);
    i.administratorOnly = st.getInt(6) != 0;
    i.state = reviewStateFromString(st.getText(7)).value_or(ReviewState::Open);
    i.chosenValue = st.getOptionalText(8);
    i.decidedBy = st.getOptionalText(9);
    i.decidedWhy = st.getText(10);
    if (const auto at = st.getOptionalInt(11))
        i.decidedAt = fromUnixMs(*at);
    i.createdAt = fromUnixMs(st.getInt(12));
    i.pageHash = st.getText(13);
    i.source = st.getText(14);
    if (const auto slot = st.getOptionalInt(15))
        i.lesson = Timetable(store).slot(*slot);
    return i;
}

void addFieldContext(Store& store, ReviewItem& item) {
    if (item.fieldId.empty())
        return;
    auto st = store.database().prepare(
        "SELECT state, value, reason, confidence FROM reading_fields WHERE reading_id = ? AND field_id = ?");
    st.bind(1, item.readingId).bind(2, item.fieldId);
    if (!st.step())
        return;
    FieldReading f;
    f.fieldId = item.fieldId;
    const std::string state = st.getText(0);
    f.state = state == "value" ? FieldState::Value : state == "nothing" ? FieldState::Nothing : FieldState::Flagged;
    if (!st.getText(1).empty())
        f.values.push_back(st.getText(1));
    f.reason = st.getText(2);
    f.confidence = st.getDouble(3);
    item.field = f;
}

// The lesson an outage card was assigned to in review, when the card's own code names none.
std::optional<LessonSlot> lessonOf(Store& store, const ReviewItem& item) {
    if (item.lesson)
        return item.lesson;
    const auto d = decisionsOf(store.database(), item.readingId);
    return d.assignedSlotId ? Timetable(store).slot(*d.assignedSlotId) : std::nullopt;
}

bool isAttendanceField(const std::string& id) {
    return rowNumberOf(id) && id.size() > 11 && id.compare(id.size() - 11, 11, ".attendance") == 0;
}

bool isGradeField(const std::string& id) {
    const auto ends = [&](const std::string& s) {
        return id.size() > s.size() && id.compare(id.size() - s.size(), s.size(), s) == 0;
    };
    return (rowNumberOf(id) && (ends(".grade") || ends(".modifier"))) || id == "header.grade.category" ||
           id == "header.grade.weight" || id == "header.grade.counts";
}

// Who may settle this item, and with what value (DOMAIN.md "People and their rights").
void checkResolvePermission(Store& store, const std::string& actor, const ReviewItem& item,
                            const std::optional<std::string>& value) {
    const auto op = operatorFor(store, actor);
    const std::string what = "review item " + std::to_string(item.id) + (item.serial.empty() ? "" : " of card " + item.serial);
    if (item.administratorOnly || item.serial.empty()) {
        const Action action = (item.code == finding::kOutageUnresolved || item.code == finding::kLessonNotInTimetable)
                                  ? Action::AssignOutageCard
                              : item.code == finding::kPeriodLocked ? Action::UnlockPeriod
                                                                    : Action::ResolveReview;
        if (op.role != Role::Administrator)
            throw Error(ErrorKind::PermissionDenied,
                        "role '" + toString(op.role) + "' may not settle " + what + ": it is held for an administrator");
        require(op.role, action, true);
        return;
    }
    const bool own = ownsLesson(op, lessonOf(store, item));
    requirePermission(store, actor, Action::ResolveReview, own, what);
    if (value && isAttendanceField(item.fieldId))
        requirePermission(store, actor, Action::ChangeAttendance, own, what);
    if (value && isGradeField(item.fieldId))
        requirePermission(store, actor, Action::ChangeGrade, own, what);
}

void checkResolvable(Store& store, const ReviewItem& item, const std::optional<std::string>& value) {
    if (item.state != ReviewState::Open)
        throw Error(ErrorKind::Conflict, "review item " + std::to_string(item.id) + " is " + toString(item.state) +
                                             " already");
    if (item.code == finding::kNbNeverDeleted && (!value || (*value != "nb" && *value != "u" && *value != "sp" &&
                                                             *value != "zw")))
        throw Error(ErrorKind::BadInput, "review item " + std::to_string(item.id) +
                                             ": an nb is never deleted; choose nb, u, sp or zw");
    if ((item.code == finding::kOutageUnresolved || item.code == finding::kLessonNotInTimetable)) {
        if (!value || value->empty() || value->find_first_not_of("0123456789") != std::string::npos)
            throw Error(ErrorKind::BadInput, "review item " + std::to_string(item.id) +
                                                 ": give the lesson slot id to assign the card to");
        const auto slot = Timetable(store).slot(std::stoll(*value));
        if (!slot || slot->cancelled)
            throw Error(ErrorKind::NotFound, "no lesson slot " + *value + " in the timetable");
    }
    if (item.code == finding::kPeriodLocked && item.lesson) {
        PeriodLocks locks(store);
        const auto lock = locks.activeLock(item.lesson->classOrGroupCode, item.lesson->date);
        if (lock)
            throw Error(ErrorKind::Conflict, "class " + lock->classCode + " is still locked (lock " +
                                                 std::to_string(lock->id) +
                                                 "); unlock the period first, recording who ordered it");
    }
}

ReviewItem itemById(Store& store, std::int64_t id) {
    auto st = store.database().prepare(std::string(kSelect) + " WHERE ri.id = ?");
    st.bind(1, id);
    if (!st.step())
        throw Error(ErrorKind::NotFound, "no review item " + std::to_string(id));
    auto item = readItem(store, st);
    addFieldContext(store, item);
    return item;
}

} // namespace

std::string toString(ReviewState state) {
    switch (state) {
    case ReviewState::Open: return "open";
    case ReviewState::Resolved: return "resolved";
    case ReviewState::Rejected: return "rejected";
    case ReviewState::Superseded: return "superseded";
    }
    return "unknown";
}

std::vector<ReviewItem> ReviewQueue::list(const std::string& actor, const ReviewFilter& filter) const {
    const auto op = operatorFor(m_store, actor);
    if (allowance(op.role, Action::ViewCards) == Allowance::Refused)
        require(op.role, Action::ViewCards);
    std::string query = std::string(kSelect) + " WHERE 1 = 1";
    if (filter.openOnly)
        query += " AND ri.state = 'open'";
    if (filter.serial)
        query += " AND ri.serial = ?";
    query += " ORDER BY ri.id";
    auto st = m_store.database().prepare(query);
    if (filter.serial)
        st.bind(1, *filter.serial);
    std::vector<ReviewItem> out;
    while (st.step()) {
        auto item = readItem(m_store, st);
        if (!isAllowed(op.role, Action::ViewCards, ownsLesson(op, lessonOf(m_store, item))))
            continue;
        addFieldContext(m_store, item);
        out.push_back(std::move(item));
    }
    return out;
}

CardReview ReviewQueue::show(const std::string& actor, const std::string& serial) const {
    const auto card = CardRegistry(m_store).find(serial);
    if (!card)
        throw Error(ErrorKind::NotFound, "no card with serial " + serial);
    CardReview view;
    view.serial = serial;
    view.state = toString(card->state);
    if (card->lessonSlotId)
        view.lesson = Timetable(m_store).slot(*card->lessonSlotId);
    auto& db = m_store.database();
    const auto readingId = currentReadingId(db, serial);
    if (readingId) {
        view.readingId = *readingId;
        view.reading = loadReading(db, *readingId)->reading;
        if (!view.lesson)
            if (const auto d = decisionsOf(db, *readingId); d.assignedSlotId)
                view.lesson = Timetable(m_store).slot(*d.assignedSlotId);
    }
    const auto op = operatorFor(m_store, actor);
    requirePermission(m_store, actor, Action::ViewCards, ownsLesson(op, view.lesson), "card " + serial);
    ReviewFilter all;
    all.openOnly = false;
    all.serial = serial;
    view.items = list(actor, all);
    std::stable_sort(view.items.begin(), view.items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return (a.state == ReviewState::Open) > (b.state == ReviewState::Open);
    });
    return view;
}

ResolveOutcome ReviewQueue::resolve(const std::string& actor, std::int64_t itemId,
                                    const std::optional<std::string>& value, const std::string& why) {
    if (why.empty())
        throw Error(ErrorKind::BadInput, "resolving review item " + std::to_string(itemId) + " needs a reason (why)");
    Transaction tx(m_store);
    const auto item = itemById(m_store, itemId);
    checkResolvePermission(m_store, actor, item, value);
    checkResolvable(m_store, item, value);
    if (isRegisterRefusal(item.code)) { // a record the register refused: sync_review.hpp
        auto out = settleRegisterRefusal(m_store, actor, item, value, why);
        tx.commit();
        return out;
    }
    auto& db = m_store.database();
    const auto now = toUnixMs(m_store.clock().now());
    db.prepare("UPDATE review_items SET state = 'resolved', chosen_value = ?, decided_by = ?, decided_why = ?, "
               "decided_at_ms = ? WHERE id = ?")
        .bind(1, value)
        .bind(2, actor)
        .bind(3, why)
        .bind(4, now)
        .bind(5, itemId)
        .run();
    AuditLog(m_store).append(actor, "review.resolve", item.serial.empty() ? "reading:" + std::to_string(item.readingId)
                                                                          : "card:" + item.serial,
                             "item " + std::to_string(itemId) + " " + item.code +
                                 (item.fieldId.empty() ? "" : " " + item.fieldId) + ": " +
                                 (value ? "value '" + *value + "'" : std::string("as read")) + "; " + why);
    ResolveOutcome out;
    out.serial = item.serial;
    const bool isCurrent = [&] {
        const auto stored = loadReading(db, item.readingId);
        return stored && stored->isCurrent && stored->serial;
    }();
    if (isCurrent && openItemCount(db, item.readingId) == 0) {
        const auto settled = settleReading(m_store, actor, item.readingId, m_rules,
                                           "review settled by " + actor + ": " + why);
        out.newFindings = settled.validation.findings;
    }
    out.openItemsLeft = openItemCount(db, item.readingId);
    if (!item.serial.empty())
        out.cardState = toString(CardRegistry(m_store).find(item.serial)->state);
    tx.commit();
    return out;
}

ResolveOutcome ReviewQueue::resolveField(const std::string& actor, const std::string& serial,
                                         const std::string& fieldId, const std::optional<std::string>& value,
                                         const std::string& why) {
    Transaction tx(m_store);
    std::optional<ResolveOutcome> last;
    for (const auto& item : list(actor, {true, serial}))
        if (item.fieldId == fieldId && itemById(m_store, item.id).state == ReviewState::Open)
            last = resolve(actor, item.id, value, why);
    if (!last)
        throw Error(ErrorKind::NotFound, "card " + serial + " has no open review item for field " + fieldId);
    tx.commit();
    return *last;
}

void ReviewQueue::reject(const std::string& actor, const std::string& serial, const std::string& why) {
    if (why.empty())
        throw Error(ErrorKind::BadInput, "rejecting card " + serial + " needs a reason (why)");
    Transaction tx(m_store);
    CardRegistry cards(m_store);
    const auto card = cards.find(serial);
    if (!card)
        throw Error(ErrorKind::NotFound, "no card with serial " + serial);
    const auto slot = card->lessonSlotId ? Timetable(m_store).slot(*card->lessonSlotId) : std::nullopt;
    const auto op = operatorFor(m_store, actor);
    requirePermission(m_store, actor, Action::RejectCard, ownsLesson(op, slot), "card " + serial);
    if (card->state != CardState::NeedsReview && card->state != CardState::Scanned)
        throw Error(ErrorKind::Conflict, "card " + serial + " is " + toString(card->state) +
                                             "; only a card waiting for review can be rejected");
    auto& db = m_store.database();
    rejectRegisterRefusals(m_store, actor, serial, why); // withdraws records the register refused
    if (const auto reading = currentReadingId(db, serial)) {
        closeOpenItems(db, *reading, "rejected", actor, why, toUnixMs(m_store.clock().now()));
        setReadingOutcome(db, *reading, "rejected");
    }
    cards.transition(actor, serial, CardState::Rejected, why);
    AuditLog(m_store).append(actor, "review.reject", "card:" + serial, why);
    tx.commit();
}

} // namespace scanstation::core
