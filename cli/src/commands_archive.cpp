// scanstation keys init|show, scanstation archive [create] --out FILE, scanstation archive verify FILE
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/station_archive.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace scanstation::cli {

namespace {

struct ArchiveOptions {
    std::string keyDir;
    std::string out;
    std::string recipient;
    std::string file;
    std::string publicKeyFile;
    std::string show;
};

core::KeyStore keyStore(const CliContext& ctx, const ArchiveOptions& o) {
    const std::filesystem::path dir = o.keyDir.empty() ? core::KeyStore::defaultDir() : std::filesystem::path(o.keyDir);
    core::KeyStore::checkApart(dir, ctx.dataDir());
    return core::KeyStore(dir);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "cannot open " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

core::PublicKey readPublicKey(const std::string& path) {
    const auto bytes = readFile(path);
    core::PublicKey key{};
    if (bytes.size() != key.size())
        throw Error(ErrorKind::BadInput, "public key file " + path + " must hold 32 bytes (archive_sign.pub)");
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

void keysInit(const CliContext& ctx, const ArchiveOptions& o) {
    auto keys = keyStore(ctx, o);
    keys.ensureKeys();
    std::cout << "keys in " << keys.dir().string() << "\n"
              << "archive signing key fingerprint: " << core::KeyStore::fingerprint(keys.archivePublicKey()) << "\n"
              << "back this directory up apart from the data (docs/SECURITY.md)\n";
}

void keysShow(const CliContext& ctx, const ArchiveOptions& o) {
    auto keys = keyStore(ctx, o);
    std::cout << "key directory: " << keys.dir().string() << "\n"
              << "archive signing key fingerprint: " << core::KeyStore::fingerprint(keys.archivePublicKey()) << "\n";
}

void create(const CliContext& ctx, const ArchiveOptions& o) {
    if (o.out.empty())
        throw Error(ErrorKind::BadInput, "give the archive file with --out FILE");
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::require(actor.role, core::Action::ExportArchive);
    auto keys = keyStore(ctx, o);
    const auto text = core::StationArchive::create(store, actor.login, o.recipient, keys);
    const int fd = ::open(o.out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Conflict, "cannot create " + o.out + " (it may exist already; archives are never "
                                                                    "overwritten)");
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw Error(ErrorKind::Infrastructure, "cannot write " + o.out);
    std::cout << "archive written to " << o.out << " (" << text.size() << " bytes)\n"
              << "signed by key " << core::KeyStore::fingerprint(keys.archivePublicKey()) << "\n";
}

void printContents(const core::ArchiveCheck& check, const std::string& show) {
    const auto& c = check.contents;
    std::cout << "signature: valid, key " << core::KeyStore::fingerprint(check.signer) << "\n"
              << "created: " << c.created << " by " << c.createdBy << " for " << c.recipient << "\n"
              << "schema version: " << c.schemaVersion << "\n"
              << "audit chain: " << (check.auditChainOk ? "intact" : "BROKEN: " + check.auditProblem) << ", "
              << c.auditHeadSeq << " entries\n";
    for (const auto& t : c.tables) {
        std::cout << "table " << t.name << ": " << t.rows.size() << " rows\n";
        if (t.name != show)
            continue;
        for (const auto& row : t.rows) {
            std::cout << " ";
            for (std::size_t i = 0; i < row.size(); ++i)
                std::cout << " " << t.columns[i] << "=" << (row[i] ? *row[i] : "NULL") << ";";
            std::cout << "\n";
        }
    }
}

void verify(const CliContext& ctx, const ArchiveOptions& o) {
    const auto trusted = o.publicKeyFile.empty() ? keyStore(ctx, o).archivePublicKey() : readPublicKey(o.publicKeyFile);
    const auto check = core::StationArchive::verify(readFile(o.file), trusted);
    printContents(check, o.show);
    if (!check.auditChainOk)
        throw Error(ErrorKind::Integrity, "the archived audit chain is broken: " + check.auditProblem);
}

} // namespace

void addArchiveCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ArchiveOptions>();
    const std::string keysHelp = "Key directory (else $SCANSTATION_KEYS, else ~/.config/scanstation/keys)";

    auto* keys = app.add_subcommand("keys", "The station's keys for data at rest and archive signatures");
    keys->require_subcommand(1);
    keys->add_option("--keys", o->keyDir, keysHelp);
    keys->add_subcommand("init", "Create any missing key (never replaces one)")->callback([&ctx, o] { keysInit(ctx, *o); });
    keys->add_subcommand("show", "Show the key directory and the archive key fingerprint")->callback([&ctx, o] {
        keysShow(ctx, *o);
    });

    auto* archive = app.add_subcommand("archive", "The signed XML archive of everything the station holds");
    archive->add_option("--keys", o->keyDir, keysHelp);
    archive->add_option("--out", o->out, "Archive file to write (never overwritten)");
    archive->add_option("--for", o->recipient, "For whom the copy is made, e.g. 'school safe, disc 2026-11'");
    auto* verifyCmd = archive->add_subcommand("verify", "Verify an archive's signature and print its contents");
    verifyCmd->add_option("file", o->file, "Archive file")->required();
    verifyCmd->add_option("--public-key", o->publicKeyFile, "archive_sign.pub to trust (else the station's)");
    verifyCmd->add_option("--show", o->show, "Also print every row of this table");
    verifyCmd->add_option("--keys", o->keyDir, keysHelp);
    verifyCmd->callback([&ctx, o] { verify(ctx, *o); });
    archive->callback([&ctx, o, verifyCmd] {
        if (!verifyCmd->parsed())
            create(ctx, *o);
    });
}

} // namespace scanstation::cli
