#include "scanstation/core/card_keys.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/store.hpp"
#include "security/secure_file.hpp"
#include "time_util.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <sstream>

namespace scanstation::core {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kExportMagic = "SSCARDKEYS1";

void initSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
}

std::string hexOf(const std::uint8_t* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

std::string timeField(const std::optional<TimePoint>& t) {
    return t ? std::to_string(toUnixMs(*t)) : "-";
}

std::string serialise(const CardKeyRing& ring) {
    std::string out = "# ScanStation card MAC keys: id key created_ms retired_ms grace_until_ms\n";
    for (const auto& k : ring.keys())
        out += std::to_string(k.id) + " " + hexOf(k.key.bytes().data(), StationKey::kSize) + " " +
               std::to_string(toUnixMs(k.created)) + " " + timeField(k.retired) + " " + timeField(k.graceUntil) + "\n";
    return out;
}

CardKey parseLine(const std::string& line, const std::string& where) {
    std::istringstream in(line);
    std::string id, hex, created, retired, grace;
    if (!(in >> id >> hex >> created >> retired >> grace))
        throw Error(ErrorKind::Integrity, where + ": expected 5 fields");
    CardKey k;
    std::array<std::uint8_t, StationKey::kSize> bytes{};
    std::size_t length = 0;
    if (hex.size() != 64 ||
        sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != bytes.size())
        throw Error(ErrorKind::Integrity, where + ": the key is not 64 hex digits");
    try {
        k.id = std::stoi(id);
        k.created = fromUnixMs(std::stoll(created));
        if (retired != "-")
            k.retired = fromUnixMs(std::stoll(retired));
        if (grace != "-")
            k.graceUntil = fromUnixMs(std::stoll(grace));
    } catch (const std::exception&) {
        throw Error(ErrorKind::Integrity, where + ": a number field is not a number");
    }
    k.key = StationKey(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return k;
}

CardKeyRing parse(const std::string& text, const std::string& source) {
    std::vector<CardKey> keys;
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (!line.empty() && line[0] != '#')
            keys.push_back(parseLine(line, source + " line " + std::to_string(n)));
    return CardKeyRing(std::move(keys));
}

CardKey newKey(int id, TimePoint now) {
    CardKey k;
    k.id = id;
    k.key = StationKey::generate();
    k.created = now;
    return k;
}

TimePoint afterDays(TimePoint t, int days) {
    return t + std::chrono::hours(24) * days;
}

} // namespace

CardKeyRing::CardKeyRing(std::vector<CardKey> keys) : m_keys(std::move(keys)) {
    if (m_keys.empty())
        throw Error(ErrorKind::Integrity, "the card key ring holds no key");
    std::sort(m_keys.begin(), m_keys.end(), [](const CardKey& a, const CardKey& b) { return a.id < b.id; });
}

const CardKey& CardKeyRing::current() const {
    return m_keys.back();
}

bool CardKeyFile::exists() const {
    std::error_code ec;
    return fs::exists(file(), ec);
}

CardKeyRing CardKeyFile::load() const {
    return parse(security::readKeyFile(file(), true), file().string());
}

void CardKeyFile::save(const CardKeyRing& ring) const {
    security::makePrivateDir(m_dir);
    security::writeFileAtomically(file(), serialise(ring));
}

CardKeyFile::Opened CardKeyFile::openOrCreate(const fs::path& dataDir, TimePoint now) const {
    const fs::path stray = dataDir / StationKey::kFileName;
    std::error_code ec;
    if (exists()) {
        Opened opened{load(), false, std::nullopt};
        if (fs::exists(stray, ec)) {
            // A move interrupted after the ring was written: finish it when the key is in the ring.
            const auto old = loadStationKey(dataDir);
            const auto& keys = opened.ring.keys();
            if (std::none_of(keys.begin(), keys.end(), [&](const CardKey& k) { return k.key.bytes() == old.bytes(); }))
                throw Error(ErrorKind::Conflict, stray.string() + " holds a card key that is not in " + file().string() +
                                                     ": import it or remove it after checking which cards it signed");
            fs::remove(stray, ec);
            opened.migrated = stray;
        }
        return opened;
    }
    Opened opened{CardKeyRing({newKey(1, now)}), true, std::nullopt};
    if (fs::exists(stray, ec)) {
        CardKey moved;
        moved.id = 1;
        moved.key = loadStationKey(dataDir);
        moved.created = now;
        opened = Opened{CardKeyRing({moved}), false, stray};
    }
    save(opened.ring);
    if (opened.migrated)
        fs::remove(stray, ec); // only once the ring is durably in the key directory
    return opened;
}

CardKey CardKeyFile::rotate(TimePoint now, int graceDays) const {
    if (graceDays < 0 || graceDays > 3650)
        throw Error(ErrorKind::BadInput, "grace period of " + std::to_string(graceDays) + " days is outside 0..3650");
    auto keys = load().keys();
    CardKey& old = keys.back();
    old.retired = now;
    old.graceUntil = afterDays(now, graceDays);
    keys.push_back(newKey(old.id + 1, now));
    save(CardKeyRing(keys));
    return keys.back();
}

std::string CardKeyFile::exportSealed(std::string_view passphrase) const {
    if (passphrase.size() < 12)
        throw Error(ErrorKind::BadInput, "the export passphrase must have at least 12 characters");
    initSodium();
    const std::string plain = serialise(load());
    std::string out(kExportMagic);
    std::uint8_t salt[crypto_pwhash_SALTBYTES];
    std::uint8_t nonce[crypto_secretbox_NONCEBYTES];
    std::uint8_t key[crypto_secretbox_KEYBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    if (crypto_pwhash(key, sizeof key, passphrase.data(), passphrase.size(), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(ErrorKind::Infrastructure, "out of memory deriving the export key");
    std::string box(plain.size() + crypto_secretbox_MACBYTES, '\0');
    crypto_secretbox_easy(reinterpret_cast<std::uint8_t*>(box.data()), reinterpret_cast<const std::uint8_t*>(plain.data()),
                          plain.size(), nonce, key);
    sodium_memzero(key, sizeof key);
    out.append(reinterpret_cast<const char*>(salt), sizeof salt);
    out.append(reinterpret_cast<const char*>(nonce), sizeof nonce);
    return out + box;
}

CardKeyRing CardKeyFile::importSealed(std::string_view sealed, std::string_view passphrase, TimePoint now,
                                      int graceDays) const {
    initSodium();
    const std::size_t head = kExportMagic.size() + crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES;
    if (sealed.size() < head + crypto_secretbox_MACBYTES || sealed.substr(0, kExportMagic.size()) != kExportMagic)
        throw Error(ErrorKind::BadInput, "not a ScanStation card key export (it does not start with SSCARDKEYS1)");
    const auto* salt = reinterpret_cast<const std::uint8_t*>(sealed.data() + kExportMagic.size());
    const auto* nonce = salt + crypto_pwhash_SALTBYTES;
    std::uint8_t key[crypto_secretbox_KEYBYTES];
    if (crypto_pwhash(key, sizeof key, passphrase.data(), passphrase.size(), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(ErrorKind::Infrastructure, "out of memory deriving the export key");
    std::string plain(sealed.size() - head - crypto_secretbox_MACBYTES, '\0');
    const int rc = crypto_secretbox_open_easy(reinterpret_cast<std::uint8_t*>(plain.data()),
                                              reinterpret_cast<const std::uint8_t*>(sealed.data() + head),
                                              sealed.size() - head, nonce, key);
    sodium_memzero(key, sizeof key);
    if (rc != 0)
        throw Error(ErrorKind::Integrity, "the card key export does not open: wrong passphrase, or the file was changed");
    auto keys = parse(plain, "card key export").keys();
    sodium_memzero(plain.data(), plain.size());
    if (exists()) {
        const CardKeyRing localRing = load();
        for (CardKey local : localRing.keys()) {
            const bool shared = std::any_of(keys.begin(), keys.end(),
                                            [&](const CardKey& k) { return k.key.bytes() == local.key.bytes(); });
            if (shared)
                continue;
            // Renumbered below the school's keys' range end; the school's current key stays current.
            local.id = 0;
            local.retired = local.retired.value_or(now);
            local.graceUntil = std::min(local.graceUntil.value_or(afterDays(now, graceDays)), afterDays(now, graceDays));
            keys.insert(keys.begin(), local);
        }
        int id = 1;
        for (auto& k : keys)
            k.id = id++;
    }
    CardKeyRing ring(keys);
    save(ring);
    return ring;
}

std::string cardKeyLabel(const StationKey& key) {
    initSodium();
    unsigned char hash[8];
    crypto_generichash(hash, sizeof hash, key.bytes().data(), key.bytes().size(), nullptr, 0);
    return hexOf(hash, sizeof hash);
}

CardKeyRing stationCardKeys(Store& store, const fs::path& keyDir) {
    KeyStore::checkApart(keyDir, store.dataDir());
    const auto opened = CardKeyFile(keyDir).openOrCreate(store.dataDir(), store.clock().now());
    if (opened.migrated)
        AuditLog(store).append("station", "keys.card_key_moved", "key:card/" + std::to_string(opened.ring.current().id),
                               "the card MAC key moved from " + opened.migrated->string() + " into the key directory " +
                                   keyDir.string());
    else if (opened.created)
        AuditLog(store).append("station", "keys.card_key_created", "key:card/1",
                               "a new card MAC key in the key directory " + keyDir.string());
    return opened.ring;
}

} // namespace scanstation::core
