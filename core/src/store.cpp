#include "scanstation/core/store.hpp"

#include "migrations/migration.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "security/sealed_store.hpp"
#include "security/sealed_vfs.hpp"
#include "sql/database.hpp"

#include <sodium.h>
#include <system_error>

namespace scanstation::core {

struct Store::Impl {
    std::filesystem::path dataDir;
    std::shared_ptr<const Clock> clock;
    std::filesystem::path keyDir;             // empty for a plain store
    std::unique_ptr<security::SealedVfs> vfs; // before db: the connection closes first
    std::unique_ptr<sql::Database> db;
};

namespace {

std::filesystem::path prepareDataDir(const std::filesystem::path& dataDir) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot create data directory " + dataDir.string() + ": " + ec.message());
    return dataDir;
}

void configureConnection(sql::Database& db) {
    // busy_timeout first, so that the WAL switch waits for a concurrent writer too.
    db.exec("PRAGMA busy_timeout = 10000");
    auto mode = db.prepare("PRAGMA journal_mode = WAL");
    mode.step();
    if (mode.getText(0) != "wal")
        throw Error(ErrorKind::Infrastructure, "the store's file system does not support WAL (journal mode " +
                                                   mode.getText(0) + ")");
    // FULL: every commit is fsynced before it returns, also in WAL mode, so a recorded card or
    // roster change survives a power cut right after the command reported success.
    db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
}

bool isSealedFile(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::exists(file, ec) && std::filesystem::file_size(file, ec) > 0 &&
           !security::isPlainSqliteFile(file);
}

// The data key of a sealed store, creating the station's keys for a station that has no
// encrypted store yet.
SecretKey storeDataKey(const KeyStore& keys, const std::filesystem::path& storeFile, const SealedDataDir& dir) {
    if (!keys.hasDataKey()) {
        if (isSealedFile(storeFile))
            throw Error(ErrorKind::NotFound, "the store " + storeFile.string() + " is encrypted and its key " +
                                                 (keys.dir() / "data.key").string() +
                                                 " is missing: restore the key directory from the school's backup "
                                                 "(docs/SECURITY.md), or point SCANSTATION_KEYS at it");
        KeyStore(keys.dir()).ensureKeys();
        if (dir.notice)
            dir.notice("created the station's keys in " + keys.dir().string() +
                       ": back this directory up now, apart from the data (docs/SECURITY.md)");
    }
    return keys.dataKey();
}

} // namespace

Store::Store(const std::filesystem::path& dataDir, std::shared_ptr<const Clock> clock) : m_impl(std::make_unique<Impl>()) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    m_impl->dataDir = prepareDataDir(dataDir);
    m_impl->clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
    // Already encrypted: only a caller that names its key directory opens it. Reaching for the
    // default key directory here would open whatever key happens to be configured for this user.
    if (const auto file = m_impl->dataDir / kFileName; isSealedFile(file))
        throw Error(ErrorKind::PermissionDenied,
                    "the store " + file.string() +
                        " is encrypted: open it with its key directory (core::SealedDataDir{dataDir, keyDir}; on the "
                        "command line --keys DIR or SCANSTATION_KEYS); a plain open never uses a default key");
    m_impl->db = std::make_unique<sql::Database>(m_impl->dataDir / kFileName);
    configureConnection(*m_impl->db);
    migrations::migrate(*m_impl->db);
}

Store::Store(const SealedDataDir& dataDir, std::shared_ptr<const Clock> clock) : m_impl(std::make_unique<Impl>()) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    m_impl->dataDir = prepareDataDir(dataDir);
    m_impl->clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
    openSealed(dataDir);
}

void Store::openSealed(const SealedDataDir& dataDir) {
    const auto keyDir = dataDir.keyDir.empty() ? KeyStore::defaultDir() : dataDir.keyDir;
    m_impl->keyDir = keyDir;
    KeyStore::checkApart(keyDir, m_impl->dataDir);
    const auto file = m_impl->dataDir / kFileName;
    m_impl->vfs = std::make_unique<security::SealedVfs>(security::deriveStoreKey(storeDataKey(KeyStore(keyDir), file, dataDir)));
    const bool sealedNow = security::isPlainSqliteFile(file) && security::sealPlainStore(file, *m_impl->vfs);
    if (sealedNow && dataDir.notice)
        dataDir.notice("encrypted the plain store " + file.string() + " with the key in " + keyDir.string() +
                       " (old copies and backups of the plain file still hold readable data)");
    m_impl->db = security::openSealedDatabase(file, *m_impl->vfs);
    configureConnection(*m_impl->db);
    security::checkSealedLayout(*m_impl->db, file);
    migrations::migrate(*m_impl->db);
    if (sealedNow)
        AuditLog(*this).append("station", "store.sealed", "store:" + std::string(kFileName),
                               "the plain store was encrypted in place (XChaCha20-Poly1305 pages, key from " +
                                   keyDir.string() + ")");
}

bool Store::isSealed() const {
    return m_impl->vfs != nullptr;
}

const std::filesystem::path& Store::keyDir() const {
    return m_impl->keyDir;
}

Store::~Store() = default;

const std::filesystem::path& Store::dataDir() const {
    return m_impl->dataDir;
}

std::filesystem::path Store::databaseFile() const {
    return m_impl->dataDir / kFileName;
}

int Store::schemaVersion() const {
    return m_impl->db->userVersion();
}

int Store::latestSchemaVersion() {
    return static_cast<int>(migrations::migrationList().size());
}

const Clock& Store::clock() const {
    return *m_impl->clock;
}

std::string Store::integrityCheck() {
    auto st = m_impl->db->prepare("PRAGMA integrity_check");
    std::string result;
    while (st.step()) {
        if (!result.empty())
            result += "\n";
        result += st.getText(0);
    }
    return result;
}

sql::Database& Store::database() {
    return *m_impl->db;
}

Transaction::Transaction(Store& store) : m_store(store) {
    auto& db = store.database();
    int& depth = db.transactionDepth();
    m_depth = depth + 1;
    if (m_depth == 1)
        db.exec("BEGIN IMMEDIATE");
    else
        db.exec("SAVEPOINT sp" + std::to_string(m_depth));
    depth = m_depth;
}

Transaction::~Transaction() {
    if (m_done)
        return;
    auto& db = m_store.database();
    try {
        if (m_depth == 1)
            db.exec("ROLLBACK");
        else
            db.exec("ROLLBACK TO sp" + std::to_string(m_depth) + "; RELEASE sp" + std::to_string(m_depth));
    } catch (const Error&) {
        // Nothing sensible is left to do in a destructor; SQLite rolls back on close anyway.
    }
    db.transactionDepth() = m_depth - 1;
}

void Transaction::commit() {
    if (m_done)
        throw Error(ErrorKind::Conflict, "transaction committed twice");
    auto& db = m_store.database();
    if (db.transactionDepth() != m_depth)
        throw Error(ErrorKind::Conflict, "an inner transaction is still open");
    if (m_depth == 1)
        db.exec("COMMIT");
    else
        db.exec("RELEASE sp" + std::to_string(m_depth));
    m_done = true;
    db.transactionDepth() = m_depth - 1;
}

} // namespace scanstation::core
