#pragma once
// The card MAC keys (issue 9 "Keys"): the HMAC keys that sign card identity codes, kept in the
// KEY directory (KeyStore, apart from the data) as a ring of numbered keys.
//
//   <keyDir>/card.keys   mode 0600, one line per key:
//                        "<id> <64 hex key> <created ms> <retired ms|-> <grace until ms|->"
//
// The newest key is current and signs new cards. `rotate` retires it with a grace period:
// cards it signed still verify until the grace ends, and are then refused with a reason that
// names the key and the dates. The printed payload does not change (SS1, see
// card_identity.hpp): verification tries the current key, then the retired ones, so every
// card in the wild keeps verifying as before.
//
// Several stations of one school share the ring with `exportSealed`/`importSealed`: the ring
// sealed under a passphrase (Argon2id via crypto_pwhash, then XSalsa20-Poly1305 secretbox).
#include "scanstation/core/clock.hpp"
#include "scanstation/core/station_key.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core {

class Store;

struct CardKey {
    int id = 0;
    StationKey key = StationKey(std::array<std::uint8_t, StationKey::kSize>{});
    TimePoint created;
    std::optional<TimePoint> retired;    // when a newer key became current
    std::optional<TimePoint> graceUntil; // cards it signed verify until then
};

class CardKeyRing {
public:
    explicit CardKeyRing(std::vector<CardKey> keys); // Error{Integrity} when empty
    const CardKey& current() const;                  // the one that signs new cards
    const std::vector<CardKey>& keys() const { return m_keys; }

private:
    std::vector<CardKey> m_keys; // by id, ascending; the last is current
};

class CardKeyFile {
public:
    static constexpr const char* kFileName = "card.keys";
    explicit CardKeyFile(std::filesystem::path keyDir) : m_dir(std::move(keyDir)) {}

    bool exists() const;
    // Error{NotFound} when missing, Error{PermissionDenied} when others may read it,
    // Error{Integrity} when malformed.
    CardKeyRing load() const;

    struct Opened {
        CardKeyRing ring;
        bool created = false;                          // a new ring with a new random key
        std::optional<std::filesystem::path> migrated; // the data-dir station.key moved in
    };
    // The ring, created on first use: from DATA_DIR/station.key when there is one (that file is
    // removed once the ring is durably written), else with a new random key.
    Opened openOrCreate(const std::filesystem::path& dataDir, TimePoint now) const;

    // Makes a new current key; the old current one is retired with `graceDays` of grace.
    CardKey rotate(TimePoint now, int graceDays) const;

    // The whole ring sealed under `passphrase` (at least 12 characters, else Error{BadInput}).
    std::string exportSealed(std::string_view passphrase) const;
    // Takes the school's ring from an export. Local keys that are not in it stay, retired with
    // `graceDays` of grace from `now`, so cards this station printed keep verifying for a while.
    // Error{Integrity} for a wrong passphrase or a changed file. Returns the new ring.
    CardKeyRing importSealed(std::string_view sealed, std::string_view passphrase, TimePoint now, int graceDays) const;

    std::filesystem::path file() const { return m_dir / kFileName; }

private:
    void save(const CardKeyRing& ring) const;
    std::filesystem::path m_dir;
};

// A short public label of a key (16 hex of its BLAKE2b): to compare two stations' keys aloud.
std::string cardKeyLabel(const StationKey& key);

// What production code uses: the ring in `keyDir`, created or migrated from the store's data
// directory on first use, with an audit entry ("keys.card_key_created" / "keys.card_key_moved").
CardKeyRing stationCardKeys(Store& store, const std::filesystem::path& keyDir);

} // namespace scanstation::core
