#pragma once
// A thin RAII wrapper over one sqlite3 connection, internal to core. Every sqlite3_* result is
// mapped here, once, to scanstation::Error{Infrastructure} (or Conflict for constraint
// violations), naming the statement that failed.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace scanstation::core::sql {

class Statement;

class Database {
public:
    explicit Database(const std::filesystem::path& file);
    // Opens through the named SQLite VFS (the sealed store's, security/sealed_vfs.hpp), with
    // URI file names enabled so a plain file can be attached with its own VFS.
    Database(const std::filesystem::path& file, const std::string& vfsName);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results.
    void exec(std::string_view sqlText);
    Statement prepare(std::string_view sqlText);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    int userVersion();
    void setUserVersion(int version);
    bool inTransaction() const;
    sqlite3* handle() { return m_db; }
    // Nesting depth of scanstation::core::Transaction on this connection.
    int& transactionDepth() { return m_transactionDepth; }

private:
    void open(const char* vfsName, int extraFlags);
    sqlite3* m_db = nullptr;
    int m_transactionDepth = 0;
    std::filesystem::path m_file;
};

// A prepared statement. Bind parameters are 1-based; columns are 0-based.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sqlText);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <class T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    bool step();  // true while a row is available
    void run();   // steps to completion, expecting no rows to matter
    void reset(); // for reuse with new bindings

    bool isNull(int column) const;
    std::int64_t getInt(int column) const;
    double getDouble(int column) const;
    std::string getText(int column) const;
    std::optional<std::int64_t> getOptionalInt(int column) const;
    std::optional<std::string> getOptionalText(int column) const;

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    std::string m_sql;
};

} // namespace scanstation::core::sql
