#include "scanstation/scanner/ingest/page_image_store.hpp"

#include "ingest/original_decoder.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/page_images.hpp"
#include "scanstation/core/store.hpp"
#include "sources/file_bytes.hpp"

#include <span>

namespace scanstation::scanner {

namespace fs = std::filesystem;

namespace {

// page_images.relative_path of an original in the vault: "vault:<file hash><extension>".
constexpr std::string_view kVaultPrefix = "vault:";

std::span<const std::uint8_t> bytesOf(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

core::SecretKey storeDataKey(const core::Store& store) {
    // A plain store has no key directory; its originals would go unencrypted or under a key
    // guessed from elsewhere, so it is refused.
    if (!store.isSealed())
        throw Error(ErrorKind::Conflict, "the store in " + store.dataDir().string() +
                                             " is not encrypted: open it with its key directory to keep page originals");
    const auto& keyDir = store.keyDir();
    core::KeyStore::checkApart(keyDir, store.dataDir());
    return core::KeyStore(keyDir).dataKey();
}

struct VaultName {
    std::string fileHash;
    std::string extension;
};

std::optional<VaultName> vaultName(const std::string& relativePath) {
    if (relativePath.rfind(kVaultPrefix, 0) != 0)
        return std::nullopt;
    const std::string name = relativePath.substr(kVaultPrefix.size());
    const auto dot = name.find('.');
    return VaultName{name.substr(0, dot), dot == std::string::npos ? "" : name.substr(dot)};
}

} // namespace

PageImageStore::PageImageStore(core::Store& store, const core::SecretKey& dataKey)
    : m_store(store), m_vault(std::make_unique<core::ImageVault>(store.dataDir() / "vault", dataKey)) {}

PageImageStore::PageImageStore(core::Store& store) : PageImageStore(store, storeDataKey(store)) {}

PageImageStore::~PageImageStore() = default;
PageImageStore::PageImageStore(PageImageStore&&) noexcept = default;

std::string PageImageStore::hashOf(std::string_view bytes) {
    return core::PageImages::sha256Hex(bytes);
}

std::string PageImageStore::put(std::string_view bytes, const std::string& extension) {
    (void)extension; // kept in the page's row: the vault stores bytes only
    const std::string hash = hashOf(bytes);
    m_vault->put(hash, bytesOf(bytes)); // a no-op when the same bytes are stored
    return hash;
}

void PageImageStore::recordPage(const std::string& pageHash, const std::string& fileHash, const std::string& extension,
                                int pageNumber, std::uintmax_t bytes) {
    core::PageImages(m_store).record(
        core::PageImage{pageHash, std::string(kVaultPrefix) + fileHash + extension, pageNumber, bytes, {}});
}

std::optional<PageImageStore::Original> PageImageStore::read(const std::string& pageHash) const {
    const auto image = core::PageImages(m_store).find(pageHash);
    if (!image)
        return std::nullopt;
    const auto name = vaultName(image->relativePath);
    if (!name)
        throw Error(ErrorKind::Conflict, "the original of page " + pageHash + " is still a plain file (" +
                                             image->relativePath + ") of an older store: move the plain originals " +
                                             "into the encrypted vault first (`scanstation scan` does it)");
    const auto bytes = m_vault->get(name->fileHash);
    return Original{std::string(bytes.begin(), bytes.end()), name->extension, image->page, name->fileHash};
}

std::optional<Image> PageImageStore::pageImage(const std::string& pageHash) const {
    const auto original = read(pageHash);
    if (!original)
        return std::nullopt;
    return detail::decodeOriginal(original->bytes, original->extension, original->page, pageHash);
}

int PageImageStore::migratePlainOriginals(const std::string& actor) {
    core::PageImages rows(m_store);
    int moved = 0;
    for (const auto& plain : rows.plainOriginals()) {
        const fs::path file = m_store.dataDir() / plain.relativePath;
        std::error_code ec;
        if (!fs::is_regular_file(file, ec))
            throw Error(ErrorKind::NotFound, "plain original " + file.string() + " of page " + plain.pageHash +
                                                 " is missing: restore it from a backup before scanning");
        const std::string bytes = detail::readFileBytes(file);
        const std::string hash = hashOf(bytes);
        if (file.stem().string() != hash)
            throw Error(ErrorKind::Integrity, "plain original " + file.string() + " does not match its SHA-256 (" +
                                                  hash + "): it was changed after it was stored");
        m_vault->put(hash, bytesOf(bytes));
        core::Transaction tx(m_store);
        rows.relocate(plain.relativePath, std::string(kVaultPrefix) + hash + file.extension().string());
        core::AuditLog(m_store).append(actor, "page_image.vault", "image:" + hash,
                                       "plain original " + plain.relativePath + " moved into the encrypted vault");
        tx.commit();
        fs::remove(file, ec); // after the commit: a crash before it leaves a stray plain file, not a lost page
        ++moved;
    }
    return moved;
}

std::optional<PageImageStore::Location> PageImageStore::locate(const std::string& pageHash) const {
    const auto image = core::PageImages(m_store).find(pageHash);
    if (!image)
        return std::nullopt;
    const auto name = vaultName(image->relativePath);
    if (!name)
        return Location{m_store.dataDir() / image->relativePath, image->page};
    return Location{m_vault->pathFor(name->fileHash), image->page};
}

} // namespace scanstation::scanner
