#include "security/sealed_store.hpp"

#include "percent_encoding.hpp"
#include "scanstation/core/error.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace scanstation::core::security {
namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& identifier) {
    std::string out = "\"";
    for (char c : identifier)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void removeWithSidecars(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix, ec);
}

// An exclusive flock on <file>.sealing.lock for the life of the object.
class SealingLock {
public:
    explicit SealingLock(const fs::path& file) : m_path(file.string() + ".sealing.lock") {
        m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0)
            throw Error(ErrorKind::Infrastructure, m_path.string() + ": cannot lock: " + std::strerror(errno));
    }
    ~SealingLock() {
        std::error_code ec;
        fs::remove(m_path, ec);
        ::close(m_fd);
    }
    SealingLock(const SealingLock&) = delete;
    SealingLock& operator=(const SealingLock&) = delete;

private:
    fs::path m_path;
    int m_fd = -1;
};

struct SchemaObject {
    std::string type, name, sql;
};

std::vector<SchemaObject> schemaOf(sql::Database& db) {
    auto st = db.prepare("SELECT type, name, sql FROM plain.sqlite_schema WHERE sql IS NOT NULL "
                         "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 "
                         "WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid");
    std::vector<SchemaObject> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), st.getText(2)});
    return out;
}

// Tables and their rows first, then indexes, views and triggers (so no trigger fires on the copy).
void copyContent(sql::Database& sealed) {
    const auto objects = schemaOf(sealed);
    for (const auto& o : objects) {
        sealed.exec(o.sql);
        if (o.type == "table")
            sealed.exec("INSERT INTO main." + quoted(o.name) + " SELECT * FROM plain." + quoted(o.name));
    }
    bool hasSequence = false;
    int userVersion = 0;
    {
        auto seq = sealed.prepare("SELECT 1 FROM plain.sqlite_schema WHERE name = 'sqlite_sequence'");
        hasSequence = seq.step();
        auto version = sealed.prepare("PRAGMA plain.user_version");
        version.step();
        userVersion = static_cast<int>(version.getInt(0));
    } // statements finalised: COMMIT refuses to run while one is still stepping
    if (hasSequence)
        sealed.exec("DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM plain.sqlite_sequence");
    sealed.setUserVersion(userVersion);
}

void syncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

std::unique_ptr<sql::Database> openSealedDatabase(const fs::path& file, const SealedVfs& vfs) {
    std::error_code ec;
    const bool fresh = !fs::exists(file, ec) || fs::file_size(file, ec) == 0;
    auto db = std::make_unique<sql::Database>(file, vfs.name());
    db->exec("PRAGMA temp_store = MEMORY");
    if (fresh) {
        db->exec("PRAGMA page_size = " + std::to_string(SealedVfs::kPageSize));
        int reserve = SealedVfs::kReserve;
        sqlite3_file_control(db->handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    }
    return db;
}

void checkSealedLayout(sql::Database& db, const fs::path& file) {
    int reserve = -1; // -1: query only
    sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    auto size = db.prepare("PRAGMA page_size");
    size.step();
    if (reserve != SealedVfs::kReserve || size.getInt(0) != SealedVfs::kPageSize)
        throw Error(ErrorKind::Integrity, file.string() + ": not a sealed store (page size " +
                                              std::to_string(size.getInt(0)) + ", reserved bytes " +
                                              std::to_string(reserve) + "; expected 4096 and 40)");
}

bool sealPlainStore(const fs::path& file, const SealedVfs& vfs) {
    SealingLock lock(file);
    if (!isPlainSqliteFile(file))
        return false; // sealed by another process while we waited
    {
        // Fold the plain WAL into the file, so the copy below reads one consistent file.
        sql::Database plain(file);
        plain.exec("PRAGMA busy_timeout = 10000");
        plain.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const fs::path sealing = file.string() + ".sealing";
    removeWithSidecars(sealing);
    {
        auto sealed = openSealedDatabase(sealing, vfs);
        sealed->exec("PRAGMA busy_timeout = 10000");
        sealed->exec("PRAGMA journal_mode = WAL");
        checkSealedLayout(*sealed, sealing);
        // In the URI '?' and '#' would end the path; '\'' would end the SQL string around it.
        const std::string plainUri = "file:" + percentEncode(fs::absolute(file).string(), "?#'") +
                                     "?vfs=" + sqlite3_vfs_find(nullptr)->zName;
        sealed->exec("ATTACH DATABASE '" + plainUri + "' AS plain");
        sealed->exec("BEGIN IMMEDIATE");
        try {
            copyContent(*sealed);
            sealed->exec("COMMIT");
        } catch (...) {
            sealed->exec("ROLLBACK");
            throw;
        }
        sealed->exec("DETACH DATABASE plain");
        sealed->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::error_code ec;
    if (fs::exists(sealing.string() + "-wal", ec) && fs::file_size(sealing.string() + "-wal", ec) > 0)
        throw Error(ErrorKind::Infrastructure, sealing.string() + ": the sealed copy's WAL was not folded in");
    fs::remove(sealing.string() + "-wal", ec);
    fs::remove(sealing.string() + "-shm", ec);
    fs::rename(sealing, file, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot replace " + file.string() + " by its sealed copy: " + ec.message());
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix, ec);
    syncDirectory(file.parent_path());
    return true;
}

} // namespace scanstation::core::security
