#pragma once
// The register's own minimal SQLite wrapper (the register is not part of the station, so it
// does not reach into core's internals). Every failure throws std::runtime_error naming the SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace scanstation::reg {

class Query;

class SqliteDb {
public:
    explicit SqliteDb(const std::string& file);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(std::string_view sqlText);
    Query query(std::string_view sqlText);
    int changes() const;

private:
    sqlite3* m_db = nullptr;
};

class Query {
public:
    Query(sqlite3* db, std::string_view sqlText);
    ~Query();
    Query(Query&& other) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& operator=(Query&&) = delete;

    Query& bind(int index, std::int64_t value);
    Query& bind(int index, std::string_view value);
    Query& bindNull(int index);
    bool step(); // true while a row is available
    void run();

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted.
class WriteTransaction {
public:
    explicit WriteTransaction(SqliteDb& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    SqliteDb& m_db;
    bool m_done = false;
};

} // namespace scanstation::reg
