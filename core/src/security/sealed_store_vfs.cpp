#include "scanstation/core/sealed_store_vfs.hpp"

#include "scanstation/core/key_store.hpp"
#include "security/sealed_vfs.hpp"

namespace scanstation::core {

SealedStoreVfs::SealedStoreVfs(const SealedDataDir& dataDir) {
    const KeyStore keys(dataDir.keyDir.empty() ? KeyStore::defaultDir() : dataDir.keyDir);
    m_vfs = std::make_unique<security::SealedVfs>(security::deriveStoreKey(keys.dataKey()));
}

SealedStoreVfs::~SealedStoreVfs() = default;

const std::string& SealedStoreVfs::name() const {
    return m_vfs->name();
}

} // namespace scanstation::core
