#include "scanstation/core/period_locks.hpp"

#include "ingestion/operator_check.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

namespace {

constexpr const char* kSelect = "SELECT id, class_code, first_date, last_date, reason, locked_by, locked_at_ms, "
                                "unlocked_by, unlock_ordered_by, unlock_reason, unlocked_at_ms FROM period_locks";

PeriodLock readLock(const sql::Statement& st) {
    PeriodLock l;
    l.id = st.getInt(0);
    l.classCode = st.getText(1);
    l.first = Date::parse(st.getText(2)).value_or(Date{});
    l.last = Date::parse(st.getText(3)).value_or(Date{});
    l.reason = st.getText(4);
    l.lockedBy = st.getText(5);
    l.lockedAt = fromUnixMs(st.getInt(6));
    l.unlockedBy = st.getOptionalText(7);
    l.unlockOrderedBy = st.getOptionalText(8);
    l.unlockReason = st.getOptionalText(9).value_or("");
    if (const auto at = st.getOptionalInt(10))
        l.unlockedAt = fromUnixMs(*at);
    return l;
}

PeriodLock byId(Store& store, std::int64_t id) {
    auto st = store.database().prepare(std::string(kSelect) + " WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        throw Error(ErrorKind::NotFound, "no period lock " + std::to_string(id));
    return readLock(st);
}

} // namespace

PeriodLock PeriodLocks::lock(const std::string& actor, const std::string& classCode, const Date& first,
                             const Date& last, const std::string& reason) {
    requirePermission(m_store, actor, Action::LockPeriod, false, "class " + classCode);
    if (last < first)
        throw Error(ErrorKind::BadInput, "lock period ends (" + last.toString() + ") before it starts (" +
                                             first.toString() + ")");
    if (!Roster(m_store).classByCode(classCode))
        throw Error(ErrorKind::NotFound, "no class with code " + classCode);
    Transaction tx(m_store);
    auto& db = m_store.database();
    db.prepare("INSERT INTO period_locks (class_code, first_date, last_date, reason, locked_by, locked_at_ms) "
               "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, classCode)
        .bind(2, first.toString())
        .bind(3, last.toString())
        .bind(4, reason)
        .bind(5, actor)
        .bind(6, toUnixMs(m_store.clock().now()))
        .run();
    const auto id = db.lastInsertRowId();
    AuditLog(m_store).append(actor, "period.lock", "class:" + classCode,
                             first.toString() + ".." + last.toString() + (reason.empty() ? "" : ": " + reason));
    tx.commit();
    return byId(m_store, id);
}

PeriodLock PeriodLocks::unlock(const std::string& actor, std::int64_t lockId, const std::string& orderedBy,
                               const std::string& reason) {
    requirePermission(m_store, actor, Action::UnlockPeriod, false, "lock " + std::to_string(lockId));
    if (orderedBy.empty())
        throw Error(ErrorKind::BadInput, "an unlock needs the name of who ordered it (the director's order)");
    Transaction tx(m_store);
    const auto existing = byId(m_store, lockId);
    if (!existing.active())
        throw Error(ErrorKind::Conflict, "period lock " + std::to_string(lockId) + " is already unlocked");
    m_store.database()
        .prepare("UPDATE period_locks SET unlocked_by = ?, unlock_ordered_by = ?, unlock_reason = ?, "
                 "unlocked_at_ms = ? WHERE id = ?")
        .bind(1, actor)
        .bind(2, orderedBy)
        .bind(3, reason)
        .bind(4, toUnixMs(m_store.clock().now()))
        .bind(5, lockId)
        .run();
    AuditLog(m_store).append(actor, "period.unlock", "class:" + existing.classCode,
                             "lock " + std::to_string(lockId) + " " + existing.first.toString() + ".." +
                                 existing.last.toString() + " unlocked on the order of " + orderedBy +
                                 (reason.empty() ? "" : ": " + reason));
    tx.commit();
    return byId(m_store, lockId);
}

std::optional<PeriodLock> PeriodLocks::activeLock(const std::string& classCode, const Date& date) const {
    auto st = m_store.database().prepare(std::string(kSelect) +
                                         " WHERE class_code = ? AND first_date <= ? AND last_date >= ? "
                                         "AND unlocked_at_ms IS NULL ORDER BY id LIMIT 1");
    st.bind(1, classCode).bind(2, date.toString()).bind(3, date.toString());
    if (!st.step())
        return std::nullopt;
    return readLock(st);
}

std::vector<PeriodLock> PeriodLocks::list() const {
    auto st = m_store.database().prepare(std::string(kSelect) + " ORDER BY id");
    std::vector<PeriodLock> out;
    while (st.step())
        out.push_back(readLock(st));
    return out;
}

} // namespace scanstation::core
