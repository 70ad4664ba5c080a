#pragma once
// The original bytes of every scanned page, encrypted at rest in core's ImageVault
// (<data>/vault, key from the key directory apart from the data directory) and addressed by
// the SHA-256 of the original file: the same bytes are stored once, and the page's hash still
// finds duplicates before recognition. The vault writes atomically, so a crash leaves the whole
// encrypted file or none; the page_images row naming it is written in the reading's transaction.
//
// Stores of an older version kept plain files under <data>/images/. They are never read as they
// are: migratePlainOriginals() moves them into the vault (each checked against its hash,
// audited), and reading a page still plain is refused with the command to run.
#include "scanstation/core/key_store.hpp"
#include "scanstation/scanner/image.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {
class ImageVault;
class Store;
} // namespace scanstation::core

namespace scanstation::scanner {

class PageImageStore {
public:
    // The vault under `dataKey` (KeyStore::dataKey of the station's key directory).
    PageImageStore(core::Store& store, const core::SecretKey& dataKey);
    // The data key of the key directory the store was opened with (Store::keyDir()).
    // Error{Conflict} for a plain (unencrypted) store, Error{BadInput} when the key directory
    // lies inside the data directory, Error{NotFound} when it holds no data key.
    explicit PageImageStore(core::Store& store);
    ~PageImageStore();
    PageImageStore(PageImageStore&&) noexcept;
    PageImageStore& operator=(PageImageStore&&) = delete;

    // SHA-256 hex of the bytes.
    static std::string hashOf(std::string_view bytes);

    // Encrypts and stores the bytes (when not yet there) and returns their hash. `extension`
    // like ".png" is kept in the page's row (recordPage) to decode the bytes later.
    std::string put(std::string_view bytes, const std::string& extension);

    // Records that page `pageHash` is page `pageNumber` of the stored file `fileHash`, in the
    // caller's transaction (see core/page_images.hpp).
    void recordPage(const std::string& pageHash, const std::string& fileHash, const std::string& extension,
                    int pageNumber, std::uintmax_t bytes);

    // The decrypted original of a recorded page; nullopt for an unknown page. Error{Conflict}
    // when the page is still a plain file of an older store (migratePlainOriginals), and the
    // vault's Error{Integrity} when the stored file was changed or belongs to another key.
    struct Original {
        std::string bytes;     // of the whole original file
        std::string extension; // ".png", ".tif", ".pdf", ...
        int page = 1;          // which page of it
        std::string fileHash;
    };
    std::optional<Original> read(const std::string& pageHash) const;

    // The page's pixels, decoded from its original (page `page` of a multi-page file).
    std::optional<Image> pageImage(const std::string& pageHash) const;

    // Moves every plain original of an older store into the vault: each file is checked
    // against its hash (Error{Integrity} naming it otherwise; nothing of it is changed), stored
    // encrypted, its row repointed and the plain file deleted, audited as `actor`. Returns how
    // many files were moved. Error{NotFound} names a plain file that is missing.
    int migratePlainOriginals(const std::string& actor);

    // Where the encrypted file of a recorded page lies (backups, tests); nullopt for an
    // unknown page. Its bytes are ciphertext: use read() or pageImage() to see the page.
    struct Location {
        std::filesystem::path file;
        int page = 1;
    };
    std::optional<Location> locate(const std::string& pageHash) const;

private:
    core::Store& m_store;
    std::unique_ptr<core::ImageVault> m_vault;
};

} // namespace scanstation::scanner
