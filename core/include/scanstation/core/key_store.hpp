#pragma once
// The station's secret keys, kept in a key directory APART from the data directory, so that a
// copy of the data (a stolen disk image of the data partition, a backup, the archive disc)
// reveals nothing without the keys. See docs/SECURITY.md for the choice and for backing up.
//
//   <keyDir>/            mode 0700, owned by the station's user
//     data.key           32 random bytes: the master key for data at rest (images)
//     archive_sign.key   Ed25519 secret key (64 bytes) that signs monthly archives
//     archive_sign.pub   its public key (32 bytes), safe to print and to give away
//
// Every secret file must be mode 0600 (no group or other bits): a key file others can read is
// refused, as OpenSSH refuses a readable private key. The key directory may not lie inside the
// data directory.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

namespace scanstation::core {

// A 32-byte secret that wipes itself (sodium_memzero) when destroyed.
class SecretKey {
public:
    static constexpr std::size_t kSize = 32;
    SecretKey() = default;
    explicit SecretKey(const std::array<std::uint8_t, kSize>& bytes) : m_bytes(bytes) {}
    ~SecretKey();
    SecretKey(const SecretKey&) = default;
    SecretKey& operator=(const SecretKey&) = default;
    const std::uint8_t* data() const { return m_bytes.data(); }

private:
    std::array<std::uint8_t, kSize> m_bytes{};
};

using PublicKey = std::array<std::uint8_t, 32>;

class KeyStore {
public:
    explicit KeyStore(std::filesystem::path keyDir) : m_dir(std::move(keyDir)) {}

    // $SCANSTATION_KEYS, else $XDG_CONFIG_HOME/scanstation/keys, else ~/.config/scanstation/keys.
    static std::filesystem::path defaultDir();

    // Throws Error{BadInput} when keyDir is inside dataDir (or equal to it).
    static void checkApart(const std::filesystem::path& keyDir, const std::filesystem::path& dataDir);

    // Creates the directory (0700) and any missing key (0600). Existing keys are never replaced.
    void ensureKeys();

    // Each throws Error{NotFound} when the key file is missing (run `scanstation keys init`),
    // Error{Integrity} when it has the wrong size, Error{PermissionDenied} when group or others
    // may read it.
    SecretKey dataKey() const;
    bool hasDataKey() const; // data.key exists (whatever its content)
    std::array<std::uint8_t, 64> archiveSigningKey() const; // caller wipes after use
    PublicKey archivePublicKey() const;

    // Hex of the public key, grouped for reading aloud and printing on the archive disc label.
    static std::string fingerprint(const PublicKey& key);

    const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
};

} // namespace scanstation::core
