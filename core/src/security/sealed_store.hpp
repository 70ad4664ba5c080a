#pragma once
// Opening the encrypted store file through the sealed VFS, and sealing a plain one, internal.
#include "security/sealed_vfs.hpp"
#include "sql/database.hpp"

#include <filesystem>
#include <memory>

namespace scanstation::core::security {

// Opens (creating when missing) `file` through `vfs`. A new file gets page size 4096 and 40
// reserved bytes before its first page is written; temp_store is MEMORY on the connection.
std::unique_ptr<sql::Database> openSealedDatabase(const std::filesystem::path& file, const SealedVfs& vfs);

// After the first write: Error{Integrity} unless the file has the sealed page layout.
void checkSealedLayout(sql::Database& db, const std::filesystem::path& file);

// Rewrites the plain SQLite file `file` as a sealed one: every table, row, index, trigger,
// view and the user_version copied into `file`.sealing, which then replaces `file` with one
// rename. A crash before the rename leaves the plain file untouched (the next attempt starts
// again); after it, only the sealed file exists. Serialised between processes by a lock file.
// Returns false when another process sealed the file meanwhile.
bool sealPlainStore(const std::filesystem::path& file, const SealedVfs& vfs);

} // namespace scanstation::core::security
