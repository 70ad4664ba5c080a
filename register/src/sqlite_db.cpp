#include "sqlite_db.hpp"

#include <sqlite3.h>
#include <stdexcept>

namespace scanstation::reg {

SqliteDb::SqliteDb(const std::string& file) {
    if (sqlite3_open(file.c_str(), &m_db) != SQLITE_OK) {
        const std::string why = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        throw std::runtime_error("cannot open register database " + file + ": " + why);
    }
    sqlite3_busy_timeout(m_db, 5000);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

SqliteDb::~SqliteDb() { sqlite3_close(m_db); }

void SqliteDb::exec(std::string_view sqlText) {
    char* message = nullptr;
    const std::string text(sqlText);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string why = message ? message : "unknown error";
        sqlite3_free(message);
        throw std::runtime_error("SQL failed (" + why + "): " + text.substr(0, 120));
    }
}

Query SqliteDb::query(std::string_view sqlText) { return Query(m_db, sqlText); }
int SqliteDb::changes() const { return sqlite3_changes(m_db); }

Query::Query(sqlite3* db, std::string_view sqlText) : m_db(db), m_sql(sqlText) {
    const int rc = sqlite3_prepare_v2(m_db, m_sql.c_str(), static_cast<int>(m_sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc);
}

Query::~Query() { sqlite3_finalize(m_stmt); }

Query::Query(Query&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)) {
    other.m_stmt = nullptr;
}

Query& Query::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

Query& Query::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

Query& Query::bindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

bool Query::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
}

void Query::run() {
    while (step()) {
    }
}

std::int64_t Query::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string Query::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

bool Query::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

void Query::fail(int rc) const {
    throw std::runtime_error(std::string("SQL failed (") + sqlite3_errstr(rc) + ": " + sqlite3_errmsg(m_db) +
                             "): " + m_sql.substr(0, 120));
}

WriteTransaction::WriteTransaction(SqliteDb& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
        }
    }
}

void WriteTransaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace scanstation::reg
