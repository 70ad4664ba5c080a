#include "security/sealed_page.hpp"

#include "security/sealed_vfs.hpp"

#include <sodium.h>

#include <array>
#include <cstring>

namespace scanstation::core::security {
namespace {

constexpr std::size_t kUsable = SealedVfs::kPageSize - SealedVfs::kReserve;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES == SealedVfs::kReserve);

// "SSDB", the file kind, the position (little endian): binds a page to where it belongs.
std::array<std::uint8_t, 13> associatedData(SealedFileKind kind, std::uint64_t position) {
    std::array<std::uint8_t, 13> ad{'S', 'S', 'D', 'B', static_cast<std::uint8_t>(kind)};
    for (int i = 0; i < 8; ++i)
        ad[5 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(position >> (8 * i));
    return ad;
}

} // namespace

void sealPage(std::uint8_t* page, const std::uint8_t* key, SealedFileKind kind, std::uint64_t position) {
    const auto ad = associatedData(kind, position);
    std::uint8_t* nonce = page + kUsable;
    std::uint8_t* tag = nonce + kNonce;
    randombytes_buf(nonce, kNonce);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(page, tag, nullptr, page, kUsable, ad.data(), ad.size(),
                                                        nullptr, nonce, key);
}

bool openPage(std::uint8_t* page, const std::uint8_t* key, SealedFileKind kind, std::uint64_t position) {
    const auto ad = associatedData(kind, position);
    const std::uint8_t* nonce = page + kUsable;
    const std::uint8_t* tag = nonce + kNonce;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(page, nullptr, page, kUsable, tag, ad.data(), ad.size(),
                                                            nonce, key) != 0)
        return false;
    std::memset(page + kUsable, 0, SealedVfs::kReserve);
    return true;
}

} // namespace scanstation::core::security
