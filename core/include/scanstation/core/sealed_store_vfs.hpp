#pragma once
// For tests that read an encrypted store file with SQLite's own C API: while this object lives,
// an SQLite VFS named name() decrypts the store of `dataDir` (its key directory's data key), to
// pass as the zVfs argument of sqlite3_open_v2. Production code opens the store with
// core::Store(SealedDataDir) instead.
#include "scanstation/core/store.hpp"

#include <memory>
#include <string>

namespace scanstation::core {

namespace security {
class SealedVfs;
}

class SealedStoreVfs {
public:
    // Throws Error{NotFound} when the key directory has no data key.
    explicit SealedStoreVfs(const SealedDataDir& dataDir);
    ~SealedStoreVfs();
    SealedStoreVfs(const SealedStoreVfs&) = delete;
    SealedStoreVfs& operator=(const SealedStoreVfs&) = delete;

    const std::string& name() const;

private:
    std::unique_ptr<security::SealedVfs> m_vfs;
};

} // namespace scanstation::core
