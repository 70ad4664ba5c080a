#include "scanstation/core/image_vault.hpp"

#include "scanstation/core/error.hpp"
#include "security/secure_file.hpp"
#include "sha256.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace scanstation::core {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "SSVAULT1";
constexpr std::size_t kChunk = 64 * 1024; // plaintext bytes per secretstream message
constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;

SecretKey deriveKey(const SecretKey& master, std::uint64_t id, const char context[crypto_kdf_CONTEXTBYTES + 1]) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    std::array<std::uint8_t, SecretKey::kSize> sub{};
    crypto_kdf_derive_from_key(sub.data(), sub.size(), id, context, master.data());
    SecretKey key(sub);
    sodium_memzero(sub.data(), sub.size());
    return key;
}

void checkId(const std::string& id) {
    if (id.empty() || id.size() > 256)
        throw Error(ErrorKind::BadInput, "an image id must have 1 to 256 characters");
}

const unsigned char* ad(const std::string& id) {
    return reinterpret_cast<const unsigned char*>(id.data());
}

} // namespace

ImageVault::ImageVault(fs::path dir, const SecretKey& dataKey)
    : m_dir(std::move(dir)), m_encryptKey(deriveKey(dataKey, 1, "ssimages")), m_nameKey(deriveKey(dataKey, 2, "ssimgnam")) {
    security::makePrivateDir(m_dir);
}

ImageVault::~ImageVault() = default;

std::string ImageVault::contentId(std::span<const std::uint8_t> bytes) {
    return sha256Hex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

fs::path ImageVault::pathFor(const std::string& id) const {
    checkId(id);
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), ad(id), id.size(), m_nameKey.data(), SecretKey::kSize);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    const std::string name(hex.data());
    return m_dir / name.substr(0, 2) / (name + ".ssv");
}

bool ImageVault::contains(const std::string& id) const {
    return fs::exists(pathFor(id));
}

void ImageVault::put(const std::string& id, std::span<const std::uint8_t> bytes) {
    const auto file = pathFor(id);
    if (fs::exists(file))
        return;
    crypto_secretstream_xchacha20poly1305_state state;
    std::string out(kMagic);
    std::array<unsigned char, kHeader> header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, header.data(), m_encryptKey.data());
    out.append(reinterpret_cast<const char*>(header.data()), header.size());
    std::size_t offset = 0;
    do {
        const std::size_t n = std::min(kChunk, bytes.size() - offset);
        const bool last = offset + n == bytes.size();
        std::string cipher(n + kOverhead, '\0');
        crypto_secretstream_xchacha20poly1305_push(
            &state, reinterpret_cast<unsigned char*>(cipher.data()), nullptr, bytes.data() + offset, n, ad(id), id.size(),
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        out += cipher;
        offset += n;
    } while (offset < bytes.size());
    sodium_memzero(&state, sizeof state);
    security::makePrivateDir(file.parent_path());
    security::writeFileAtomically(file, out);
}

Bytes ImageVault::get(const std::string& id) const {
    const auto file = pathFor(id);
    if (!fs::exists(file))
        throw Error(ErrorKind::NotFound, "no image '" + id + "' in the vault " + m_dir.string());
    const std::string data = security::readWholeFile(file);
    const auto bad = [&](const std::string& what) {
        return Error(ErrorKind::Integrity, "image '" + id + "' (" + file.string() + "): " + what);
    };
    if (data.size() < kMagic.size() + kHeader || data.compare(0, kMagic.size(), kMagic) != 0)
        throw bad("not a vault file (bad magic or too short)");
    crypto_secretstream_xchacha20poly1305_state state;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, p + kMagic.size(), m_encryptKey.data()) != 0)
        throw bad("corrupt header");
    std::size_t offset = kMagic.size() + kHeader;
    Bytes plain;
    bool final = false;
    while (!final) {
        if (offset >= data.size())
            throw bad("truncated: the final chunk is missing");
        const std::size_t n = std::min(kChunk + kOverhead, data.size() - offset);
        if (n < kOverhead)
            throw bad("truncated chunk");
        const std::size_t start = plain.size();
        plain.resize(start + n - kOverhead);
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data() + start, nullptr, &tag, p + offset, n,
                                                       ad(id), id.size()) != 0)
            throw bad("authentication failed: the file was changed or belongs to another key or id");
        offset += n;
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    if (offset != data.size())
        throw bad("extra bytes after the final chunk");
    return plain;
}

bool ImageVault::remove(const std::string& id) {
    std::error_code ec;
    const bool removed = fs::remove(pathFor(id), ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot remove image '" + id + "': " + ec.message());
    return removed;
}

} // namespace scanstation::core
