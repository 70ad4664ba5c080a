#include "scanstation/core/key_store.hpp"

#include "scanstation/core/error.hpp"
#include "security/secure_file.hpp"

#include <sodium.h>

#include <cstdlib>
#include <string>

namespace scanstation::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDataKey = "data.key";
constexpr const char* kSignKey = "archive_sign.key";
constexpr const char* kSignPub = "archive_sign.pub";

void initSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
}

template <std::size_t N> std::array<std::uint8_t, N> readKey(const fs::path& file, bool secret) {
    const std::string bytes = security::readKeyFile(file, secret);
    if (bytes.size() != N)
        throw Error(ErrorKind::Integrity, "key file " + file.string() + " has " + std::to_string(bytes.size()) +
                                              " bytes, expected " + std::to_string(N));
    std::array<std::uint8_t, N> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

} // namespace

SecretKey::~SecretKey() {
    sodium_memzero(m_bytes.data(), m_bytes.size());
}

fs::path KeyStore::defaultDir() {
    if (const char* env = std::getenv("SCANSTATION_KEYS"); env && *env)
        return env;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return fs::path(xdg) / "scanstation" / "keys";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "scanstation" / "keys";
    throw Error(ErrorKind::BadInput, "no key directory: set SCANSTATION_KEYS (or HOME)");
}

void KeyStore::checkApart(const fs::path& keyDir, const fs::path& dataDir) {
    const auto keys = fs::weakly_canonical(fs::absolute(keyDir));
    const auto data = fs::weakly_canonical(fs::absolute(dataDir));
    const auto rel = keys.lexically_relative(data);
    const bool inside = !rel.empty() && *rel.begin() != "..";
    if (inside)
        throw Error(ErrorKind::BadInput, "the key directory " + keys.string() + " lies inside the data directory " +
                                             data.string() + "; keep keys apart from the data they protect");
}

void KeyStore::ensureKeys() {
    initSodium();
    security::makePrivateDir(m_dir);
    if (!fs::exists(m_dir / kDataKey)) {
        std::array<std::uint8_t, SecretKey::kSize> key{};
        crypto_kdf_keygen(key.data());
        security::writeKeyFile(m_dir / kDataKey, std::string(key.begin(), key.end()), true);
        sodium_memzero(key.data(), key.size());
    }
    if (!fs::exists(m_dir / kSignKey)) {
        std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pub{};
        std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> sec{};
        crypto_sign_keypair(pub.data(), sec.data());
        security::writeKeyFile(m_dir / kSignPub, std::string(pub.begin(), pub.end()), false);
        security::writeKeyFile(m_dir / kSignKey, std::string(sec.begin(), sec.end()), true);
        sodium_memzero(sec.data(), sec.size());
    }
}

SecretKey KeyStore::dataKey() const {
    auto bytes = readKey<SecretKey::kSize>(m_dir / kDataKey, true);
    SecretKey key(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

bool KeyStore::hasDataKey() const {
    std::error_code ec;
    return fs::exists(m_dir / kDataKey, ec);
}

std::array<std::uint8_t, 64> KeyStore::archiveSigningKey() const {
    return readKey<64>(m_dir / kSignKey, true);
}

PublicKey KeyStore::archivePublicKey() const {
    return readKey<32>(m_dir / kSignPub, false);
}

std::string KeyStore::fingerprint(const PublicKey& key) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += hex[key[i] >> 4];
        out += hex[key[i] & 0xF];
    }
    return out;
}

} // namespace scanstation::core
