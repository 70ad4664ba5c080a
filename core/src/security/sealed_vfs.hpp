#pragma once
// An encrypting SQLite VFS shim over the default (unix) VFS, internal to core: every page of
// the store file and every page image in its WAL is sealed with XChaCha20-Poly1305 (libsodium).
//
//   page on disk (4096 bytes) = ciphertext of bytes 0..4055 | nonce (24) | tag (16)
//
// The last 40 bytes are the page's "reserved bytes" (file header offset 20), which SQLite sets
// aside for exactly this use, so offsets and file sizes stay those of a plain SQLite file.
// The associated data binds each sealed page to its place: "SSDB" + file kind ('D' store,
// 'W' WAL) + the page number (store) or frame number (WAL), so a page copied elsewhere, or a
// WAL frame replayed as a store page, is refused.
//
// The WAL's 32-byte header and each frame's 24-byte header stay plain (page numbers, salts and
// checksums of SQLite's own crash recovery, no pupil data); shared memory (-shm) is passed
// through: it holds only the WAL index. Temporary files are refused (the store runs with
// temp_store=MEMORY), and a rollback journal may not receive page images, so no plaintext page
// ever reaches the disk. A page that does not decrypt (wrong key, a changed byte, a page moved)
// is SQLITE_IOERR_DATA, with the file and page in takeSealFailure().
#include "scanstation/core/key_store.hpp"

#include <filesystem>
#include <string>

struct sqlite3_vfs;

namespace scanstation::core::security {

class SealedVfs {
public:
    static constexpr int kPageSize = 4096;
    static constexpr int kReserve = 40; // nonce (24) + tag (16)

    // Registers a uniquely named VFS that seals with `storeKey`; unregistered when destroyed
    // (after every connection that uses it is closed).
    explicit SealedVfs(const SecretKey& storeKey);
    ~SealedVfs();
    SealedVfs(const SealedVfs&) = delete;
    SealedVfs& operator=(const SealedVfs&) = delete;

    const std::string& name() const { return m_name; }
    const SecretKey& key() const { return m_key; }

private:
    SecretKey m_key;
    std::string m_name;
    sqlite3_vfs* m_vfs = nullptr;
};

// The key that seals the store, derived from the station's data key (crypto_kdf, context
// "ssstore1"), so images and store share one backed-up secret.
SecretKey deriveStoreKey(const SecretKey& dataKey);

// Why the last SQLITE_IOERR_DATA on this thread happened ("file X, page N: ..."), then cleared.
std::string takeSealFailure();

// True when the file starts with SQLite's plain header "SQLite format 3\0".
bool isPlainSqliteFile(const std::filesystem::path& file);

} // namespace scanstation::core::security
