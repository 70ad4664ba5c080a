// scanstation keys rotate|list|export|import|encrypt-store: the card MAC key ring and the
// encrypted store (docs/SECURITY.md). `keys init|show` live in commands_archive.cpp.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace scanstation::cli {
namespace {

namespace fs = std::filesystem;

struct KeysOptions {
    std::string keyDir;
    int graceDays = 30;
    std::string file;
    std::string recipient;
    CLI::App* group = nullptr; // `keys`, whose own --keys may carry the directory
};

fs::path keyDirOf(const CliContext& ctx, const KeysOptions& o) {
    std::string dir = o.keyDir;
    if (dir.empty() && o.group && o.group->get_option("--keys")->count() > 0)
        dir = o.group->get_option("--keys")->as<std::string>();
    const fs::path keys = dir.empty() ? core::KeyStore::defaultDir() : fs::path(dir);
    core::KeyStore::checkApart(keys, ctx.dataDir());
    return keys;
}

core::SealedDataDir sealedDataDir(const CliContext& ctx, const fs::path& keys) {
    return core::SealedDataDir(ctx.dataDir(), keys, [](const std::string& n) { std::cerr << "note: " << n << "\n"; });
}

std::string day(core::TimePoint t) {
    const std::time_t s = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

std::string label(const core::StationKey& key) {
    return core::cardKeyLabel(key);
}

void rotate(const CliContext& ctx, const KeysOptions& o) {
    const auto keys = keyDirOf(ctx, o);
    core::Store store(sealedDataDir(ctx, keys));
    const auto actor = authorizedLogin(store, ctx, core::Action::ConfigureStation);
    core::stationCardKeys(store, keys); // creates or moves the ring first
    const auto now = store.clock().now();
    const auto fresh = core::CardKeyFile(keys).rotate(now, o.graceDays);
    const auto graceEnd = day(now + std::chrono::hours(24) * o.graceDays);
    core::AuditLog(store).append(actor, "keys.card_key_rotated", "key:card/" + std::to_string(fresh.id),
                                 "card key #" + std::to_string(fresh.id - 1) + " retired; its cards verify until " +
                                     graceEnd);
    std::cout << "card key #" << fresh.id << " (" << label(fresh.key) << ") now signs new cards; cards signed with #"
              << fresh.id - 1 << " verify until " << graceEnd << ", then are refused. Share the new ring with the "
              << "school's other stations: scanstation keys export --out FILE\n";
}

void list(const CliContext& ctx, const KeysOptions& o) {
    const auto keys = keyDirOf(ctx, o);
    core::Store store(sealedDataDir(ctx, keys));
    const auto ring = core::stationCardKeys(store, keys);
    const auto now = store.clock().now();
    for (const auto& k : ring.keys()) {
        std::string state = "current";
        if (k.graceUntil)
            state = (now > *k.graceUntil ? "expired on " : "grace until ") + day(*k.graceUntil);
        std::cout << "#" << k.id << "  " << label(k.key) << "  created " << day(k.created) << "  " << state << "\n";
    }
}

std::string readFileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void exportKeys(const CliContext& ctx, const KeysOptions& o) {
    const auto keys = keyDirOf(ctx, o);
    core::Store store(sealedDataDir(ctx, keys));
    const auto actor = authorizedLogin(store, ctx, core::Action::ConfigureStation);
    if (o.recipient.empty())
        throw Error(ErrorKind::BadInput, "--for is required: every copy of a key is recorded with its recipient");
    if (fs::exists(o.file))
        throw Error(ErrorKind::Conflict, o.file + " exists; an export is never overwritten");
    const auto ring = core::stationCardKeys(store, keys);
    const std::string sealed = core::CardKeyFile(keys).exportSealed(readSecretLine("export passphrase"));
    std::ofstream(o.file, std::ios::binary) << sealed;
    core::AuditLog(store).append(actor, "keys.card_keys_exported", "key:card/" + std::to_string(ring.current().id),
                                 "sealed with a passphrase for " + o.recipient + " into " + o.file);
    std::cout << "exported " << ring.keys().size() << " card key(s) to " << o.file
              << "; import on the other station with: scanstation keys import " << o.file << "\n";
}

void importKeys(const CliContext& ctx, const KeysOptions& o) {
    const auto keys = keyDirOf(ctx, o);
    core::Store store(sealedDataDir(ctx, keys));
    const auto actor = authorizedLogin(store, ctx, core::Action::ConfigureStation);
    core::stationCardKeys(store, keys);
    const auto ring = core::CardKeyFile(keys).importSealed(readFileBytes(o.file), readSecretLine("export passphrase"),
                                                           store.clock().now(), o.graceDays);
    core::AuditLog(store).append(actor, "keys.card_keys_imported", "key:card/" + std::to_string(ring.current().id),
                                 "the school's card keys from " + o.file);
    std::cout << "imported: card key #" << ring.current().id << " (" << label(ring.current().key)
              << ") now signs new cards (" << ring.keys().size() << " key(s) in the ring)\n";
}

void encryptStore(const CliContext& ctx, const KeysOptions& o) {
    const auto keys = keyDirOf(ctx, o);
    bool reported = false;
    core::SealedDataDir dir(ctx.dataDir(), keys, [&reported](const std::string& n) {
        std::cout << n << "\n";
        reported = true;
    });
    core::Store store(dir);
    if (!reported)
        std::cout << "the store " << store.databaseFile().string() << " is already encrypted\n";
}

} // namespace

void addKeysCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<KeysOptions>();
    CLI::App* keys = nullptr;
    try {
        keys = app.get_subcommand("keys");
    } catch (const CLI::OptionNotFound&) {
        keys = app.add_subcommand("keys", "The station's keys");
        keys->require_subcommand(1);
    }
    o->group = keys;
    const std::string keysHelp = "Key directory (else $SCANSTATION_KEYS, else ~/.config/scanstation/keys)";

    auto* rotateCmd = keys->add_subcommand("rotate", "Make a new card MAC key; the old one verifies during a grace period");
    rotateCmd->add_option("--grace-days", o->graceDays, "Days old cards still verify (default 30)");
    auto* listCmd = keys->add_subcommand("list", "The card MAC keys: id, label, dates, state");
    auto* exportCmd = keys->add_subcommand("export", "Write the card keys sealed with a passphrase (read from stdin)");
    exportCmd->add_option("--out", o->file, "File to write (never overwritten)")->required();
    exportCmd->add_option("--for", o->recipient, "For which station or person the copy is made")->required();
    auto* importCmd = keys->add_subcommand("import", "Take the school's card keys from an export (passphrase on stdin)");
    importCmd->add_option("file", o->file, "Export file")->required();
    importCmd->add_option("--grace-days", o->graceDays, "Days this station's own older cards still verify (default 30)");
    auto* encryptCmd = keys->add_subcommand("encrypt-store", "Encrypt a plain store in place (atomically)");
    for (auto* cmd : {rotateCmd, listCmd, exportCmd, importCmd, encryptCmd})
        cmd->add_option("--keys", o->keyDir, keysHelp);
    rotateCmd->callback([&ctx, o] { rotate(ctx, *o); });
    listCmd->callback([&ctx, o] { list(ctx, *o); });
    exportCmd->callback([&ctx, o] { exportKeys(ctx, *o); });
    importCmd->callback([&ctx, o] { importKeys(ctx, *o); });
    encryptCmd->callback([&ctx, o] { encryptStore(ctx, *o); });
}

} // namespace scanstation::cli
