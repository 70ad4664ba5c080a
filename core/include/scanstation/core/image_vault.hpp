#pragma once
// Card and page images encrypted at rest (libsodium secretstream, XChaCha20-Poly1305).
//
// The caller names each image by its own id, normally the SHA-256 hex of the original bytes
// (ImageVault::contentId), which ingestion already uses to detect duplicate pages. On disk the
// file name is a keyed BLAKE2b of that id, so the directory listing does not reveal which
// known image is stored; the id is also authenticated with every chunk, so a file renamed or
// swapped for another is refused.
//
//   <vaultDir>/<2 hex>/<64 hex>.ssv   =  "SSVAULT1" | secretstream header (24 bytes)
//                                        | chunks of up to 64 KiB plaintext + 17 bytes each,
//                                          the last one tagged FINAL
//
// Keys are derived from the station's data key (KeyStore::dataKey) with crypto_kdf: subkey 1
// ("ssimages") encrypts, subkey 2 ("ssimgnam") names files. Without the key file a stolen
// disk shows only random-looking files of roughly the images' sizes.
#include "scanstation/core/key_store.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core {

using Bytes = std::vector<std::uint8_t>;

class ImageVault {
public:
    // `dir` is usually <dataDir>/vault; created when missing.
    ImageVault(std::filesystem::path dir, const SecretKey& dataKey);
    ~ImageVault();
    ImageVault(const ImageVault&) = delete;
    ImageVault& operator=(const ImageVault&) = delete;

    // SHA-256 hex of the bytes: the usual id of an image.
    static std::string contentId(std::span<const std::uint8_t> bytes);

    // Stores the bytes under `id` (atomically: a crash leaves no partial file). Storing an id
    // that exists again is a no-op, so re-running a batch duplicates nothing.
    void put(const std::string& id, std::span<const std::uint8_t> bytes);

    // The original bytes. Throws Error{NotFound} for an unknown id and Error{Integrity} when
    // the file was changed, truncated, swapped or encrypted with another key.
    Bytes get(const std::string& id) const;

    bool contains(const std::string& id) const;
    // Removes the file; returns false when there was none.
    bool remove(const std::string& id);

    // Where the encrypted file for `id` lives (for tests and backups).
    std::filesystem::path pathFor(const std::string& id) const;

private:
    std::filesystem::path m_dir;
    SecretKey m_encryptKey;
    SecretKey m_nameKey;
};

} // namespace scanstation::core
