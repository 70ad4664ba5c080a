#pragma once
// The station's store: one SQLite file in the data directory.
//  - WAL journal, foreign keys on, a busy timeout, synchronous=FULL on every connection, so that
//    every commit (and thus every commit that records a card or a roster change) is durable.
//  - The schema is versioned with PRAGMA user_version; opening a store migrates it to the
//    latest version, each migration in its own transaction (see core/README.md).
//  - sqlite3 never appears here: core's own code reaches the connection through sql::Database
//    (core/src/sql/database.hpp); other parts use the repositories of this library.
#include "scanstation/core/clock.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace scanstation::core {

namespace sql {
class Database; // core/src/sql/database.hpp — internal to core
}

class Store {
public:
    static constexpr const char* kFileName = "station.sqlite3";

    // Opens (creating the directory and file when missing) the store in `dataDir` and migrates
    // its schema to the latest version. Throws Error{Infrastructure} when the file cannot be
    // opened, Error{Conflict} when the file's schema is newer than this program knows.
    explicit Store(const std::filesystem::path& dataDir,
                   std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& dataDir() const;
    std::filesystem::path databaseFile() const;
    int schemaVersion() const;        // PRAGMA user_version of the open file
    static int latestSchemaVersion(); // the number of migrations this program knows
    const Clock& clock() const;

    // PRAGMA integrity_check; "ok" when the file is sound, else SQLite's first complaint.
    std::string integrityCheck();

    // For core's own implementation files only (the type is not part of the public API).
    sql::Database& database();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A unit of work. The outermost Transaction on a Store is BEGIN IMMEDIATE ... COMMIT (so it
// holds the write lock from the start, which the audit chain needs); a Transaction opened while
// another is active is a SAVEPOINT inside it. Every repository call that changes data opens
// one, so callers may group several calls in one outer Transaction to make them atomic.
// Destroying a Transaction that was not committed rolls it back.
class Transaction {
public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    Store& store() { return m_store; }

private:
    Store& m_store;
    int m_depth = 0;
    bool m_done = false;
};

} // namespace scanstation::core
