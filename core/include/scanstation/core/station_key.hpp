#pragma once
// A card MAC key: 32 random bytes that sign card identity codes (HMAC-SHA256).
// Production keeps these keys in the KEY directory as a ring with rotation (card_keys.hpp,
// core::stationCardKeys). The functions below read and write the old location,
// DATA_DIR/`station.key` (64 hex digits and a newline, mode 0600; a key file that others can
// read is refused): the ring moves such a file in on first use. Use them only in tests.
#include <array>
#include <cstdint>
#include <filesystem>

namespace scanstation::core {

class StationKey {
public:
    static constexpr std::size_t kSize = 32;
    static constexpr const char* kFileName = "station.key";

    explicit StationKey(const std::array<std::uint8_t, kSize>& bytes) : m_bytes(bytes) {}
    static StationKey generate(); // from the system's secure random source (libsodium)

    const std::array<std::uint8_t, kSize>& bytes() const { return m_bytes; }

private:
    std::array<std::uint8_t, kSize> m_bytes;
};

// Reads DATA_DIR/station.key. Error{NotFound} when missing, Error{Integrity} when malformed or
// readable by group or others, Error{Infrastructure} when unreadable.
StationKey loadStationKey(const std::filesystem::path& dataDir);

// Reads the key, or creates it (mode 0600, atomically: never two different keys) when missing.
StationKey loadOrCreateStationKey(const std::filesystem::path& dataDir);

} // namespace scanstation::core
