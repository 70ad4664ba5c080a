#include "scanstation/core/audit_log.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sha256.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

namespace {

const std::string kGenesisHash(64, '0');

AuditEntry readEntry(const sql::Statement& st) {
    AuditEntry e;
    e.seq = st.getInt(0);
    e.at = fromUnixMs(st.getInt(1));
    e.actor = st.getText(2);
    e.action = st.getText(3);
    e.subject = st.getText(4);
    e.details = st.getText(5);
    e.prevHash = st.getText(6);
    e.hash = st.getText(7);
    return e;
}

// A deferred (read) transaction unless the caller already holds one.
class ReadSnapshot {
public:
    explicit ReadSnapshot(sql::Database& db) : m_db(db), m_own(!db.inTransaction()) {
        if (m_own)
            m_db.exec("BEGIN DEFERRED");
    }
    ~ReadSnapshot() {
        if (!m_own)
            return;
        try {
            m_db.exec("COMMIT");
        } catch (const Error&) {
            // a read transaction has nothing to lose
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    sql::Database& m_db;
    bool m_own;
};

constexpr const char* kSelect = "SELECT seq, at_ms, actor, action, subject, details, prev_hash, hash FROM audit_log";

} // namespace

std::string AuditLog::entryHash(const AuditEntry& entry) {
    std::string canonical = "scanstation-audit-v1;";
    appendCanonical(canonical, std::to_string(entry.seq));
    appendCanonical(canonical, std::to_string(toUnixMs(entry.at)));
    appendCanonical(canonical, entry.actor);
    appendCanonical(canonical, entry.action);
    appendCanonical(canonical, entry.subject);
    appendCanonical(canonical, entry.details);
    appendCanonical(canonical, entry.prevHash);
    return sha256Hex(canonical);
}

std::int64_t AuditLog::append(const std::string& actor, const std::string& action, const std::string& subject,
                              const std::string& details) {
    if (actor.empty())
        throw Error(ErrorKind::BadInput, "an audited change needs an operator (actor)");
    Transaction tx(m_store);
    auto& db = m_store.database();
    auto head = db.prepare("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    if (!head.step())
        throw Error(ErrorKind::Integrity, "the audit chain's head row is missing");
    AuditEntry e;
    e.seq = head.getInt(0) + 1;
    e.prevHash = head.getText(1);
    e.at = fromUnixMs(toUnixMs(m_store.clock().now())); // stored at millisecond precision
    e.actor = actor;
    e.action = action;
    e.subject = subject;
    e.details = details;
    e.hash = entryHash(e);
    db.prepare("INSERT INTO audit_log (seq, at_ms, actor, action, subject, details, prev_hash, hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, e.seq)
        .bind(2, toUnixMs(e.at))
        .bind(3, e.actor)
        .bind(4, e.action)
        .bind(5, e.subject)
        .bind(6, e.details)
        .bind(7, e.prevHash)
        .bind(8, e.hash)
        .run();
    db.prepare("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").bind(1, e.seq).bind(2, e.hash).run();
    tx.commit();
    return e.seq;
}

std::vector<AuditEntry> AuditLog::list(const AuditQuery& query) const {
    std::string text = std::string(kSelect) +
                       " WHERE seq > ?1 AND (?2 IS NULL OR actor = ?2) AND (?3 IS NULL OR substr(action, 1, "
                       "length(?3)) = ?3) AND (?4 IS NULL OR subject = ?4) ORDER BY seq LIMIT ?5";
    auto st = m_store.database().prepare(text);
    st.bind(1, query.afterSeq.value_or(0)).bind(2, query.actor).bind(3, query.actionPrefix).bind(4, query.subject);
    st.bind(5, query.limit);
    std::vector<AuditEntry> out;
    while (st.step())
        out.push_back(readEntry(st));
    return out;
}

AuditVerification AuditLog::verify() const {
    AuditVerification result;
    auto fail = [&result](std::int64_t seq, std::string problem) {
        result.ok = false;
        result.firstBadSeq = seq;
        result.problem = std::move(problem);
        return result;
    };
    auto& db = m_store.database();
    // Read the whole chain and its head in one snapshot, so a concurrent append is not a false
    // alarm; a read transaction, so verifying never waits for (or blocks) a writer.
    ReadSnapshot snapshot(db);
    auto st = db.prepare(std::string(kSelect) + " ORDER BY seq");
    std::int64_t expectedSeq = 1;
    std::string prevHash = kGenesisHash;
    while (st.step()) {
        const AuditEntry e = readEntry(st);
        const std::string where = "audit entry " + std::to_string(e.seq) + " (" + e.action + " " + e.subject + ")";
        if (e.seq > expectedSeq)
            return fail(expectedSeq, "audit entry " + std::to_string(expectedSeq) + " was removed (the chain jumps to " +
                                         std::to_string(e.seq) + ")");
        if (e.seq < expectedSeq)
            return fail(e.seq, where + " is out of order");
        if (e.prevHash != prevHash)
            return fail(e.seq, where + " does not follow entry " + std::to_string(e.seq - 1) +
                                   ": an entry before it was changed, removed or inserted");
        if (entryHash(e) != e.hash)
            return fail(e.seq, where + " was changed: its content no longer matches its hash");
        prevHash = e.hash;
        ++expectedSeq;
        ++result.entriesChecked;
    }
    auto head = db.prepare("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    if (!head.step())
        return fail(expectedSeq, "the audit chain's head row is missing");
    const std::int64_t lastSeq = head.getInt(0);
    if (lastSeq >= expectedSeq)
        return fail(expectedSeq, "audit entries " + std::to_string(expectedSeq) + ".." + std::to_string(lastSeq) +
                                     " were removed from the end of the log");
    if (lastSeq != expectedSeq - 1 || head.getText(1) != prevHash)
        return fail(expectedSeq - 1, "audit entry " + std::to_string(expectedSeq - 1) +
                                         " does not match the chain's recorded head (last entry " +
                                         std::to_string(lastSeq) + ")");
    return result;
}

} // namespace scanstation::core
