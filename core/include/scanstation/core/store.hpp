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
#include <functional>
#include <memory>
#include <string>

namespace scanstation::core {

namespace sql {
class Database; // core/src/sql/database.hpp — internal to core
}

// A production station's data directory: a path (usable wherever a data directory is), plus the
// key directory whose data key seals the store (docs/SECURITY.md, "The SQLite store"). Passing
// one to Store opens the store ENCRYPTED; the CLI's context and the kiosk hand out only these.
struct SealedDataDir : std::filesystem::path {
    SealedDataDir(std::filesystem::path dataDir, std::filesystem::path keyDirectory,
                  std::function<void(const std::string&)> onNotice = {})
        : std::filesystem::path(std::move(dataDir)), keyDir(std::move(keyDirectory)), notice(std::move(onNotice)) {}

    std::filesystem::path keyDir; // empty: KeyStore::defaultDir()
    // Told about steps the operator must know of: keys created, a plain store encrypted.
    std::function<void(const std::string&)> notice;
};

class Store {
public:
    static constexpr const char* kFileName = "station.sqlite3";

    // PLAINTEXT store, for unit tests of parts unrelated to data protection: opens (creating
    // the directory and file when missing) the store in `dataDir` and migrates its schema to
    // the latest version. A new or plain file stays plain. A file that is already encrypted is
    // refused with Error{PermissionDenied}: only SealedDataDir{dataDir, keyDir} opens it (no
    // default key is ever tried behind the caller's back). Throws Error{Infrastructure} when
    // the file cannot be opened, Error{Conflict} when the file's schema is newer than this
    // program knows.
    explicit Store(const std::filesystem::path& dataDir,
                   std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());

    // ENCRYPTED store (what production opens): every page of the file and of its WAL is
    // sealed with XChaCha20-Poly1305 under a key derived from the data key of
    // `dataDir.keyDir`, which must lie apart from the data directory. A fresh station gets its
    // keys created (reported through `notice`); a plain store is encrypted in place first, in
    // one atomic step that is reported and audited ("store.sealed"). Throws Error{Integrity}
    // naming the file and page when a page does not decrypt (wrong key, changed byte),
    // Error{NotFound} when an encrypted store's key is missing.
    explicit Store(const SealedDataDir& dataDir, std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::filesystem::path& dataDir() const;
    std::filesystem::path databaseFile() const;
    int schemaVersion() const;        // PRAGMA user_version of the open file
    bool isSealed() const;            // opened encrypted
    // The key directory an encrypted store was opened with (the data key of its images too);
    // empty for a plain store.
    const std::filesystem::path& keyDir() const;
    static int latestSchemaVersion(); // the number of migrations this program knows
    const Clock& clock() const;

    // PRAGMA integrity_check; "ok" when the file is sound, else SQLite's first complaint.
    std::string integrityCheck();

    // For core's own implementation files only (the type is not part of the public API).
    sql::Database& database();

private:
    void openSealed(const SealedDataDir& dataDir);
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
