// Writing, signing and verifying the station's archive (format in station_archive.hpp and
// docs/ARCHIVE.md).
#include "scanstation/core/station_archive.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "security/archive_parser.hpp"
#include "security/table_dump.hpp"
#include "security/xml_text.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <sodium.h>

namespace scanstation::core {

using namespace security;

namespace {

constexpr std::string_view kSignaturePrefix = "<!-- scanstation-signature ed25519 key=";

std::string hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.resize(n * 2);
    return out;
}

template <std::size_t N> std::optional<std::array<std::uint8_t, N>> unhex(std::string_view text) {
    std::array<std::uint8_t, N> out{};
    std::size_t len = 0;
    if (text.size() != N * 2 ||
        sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &len, nullptr) != 0 || len != N)
        return std::nullopt;
    return out;
}

std::string header(Store& store, const std::string& actor, const std::string& recipient) {
    auto head = store.database().prepare("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    if (!head.step())
        throw Error(ErrorKind::Integrity, "the audit chain's head row is missing");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!-- ScanStation archive: every table of the station's store. Format: docs/ARCHIVE.md -->\n"
           "<scanstation-archive format=\"1\" created=\"" + formatUtc(store.clock().now()) + "\" created-by=\"" +
           escapeXml(actor) + "\" recipient=\"" + escapeXml(recipient) + "\" schema-version=\"" +
           std::to_string(store.schemaVersion()) + "\" audit-head-seq=\"" + std::to_string(head.getInt(0)) +
           "\" audit-head-hash=\"" + head.getText(1) + "\">\n";
}

// Re-hashes the archived audit entries: the archive is its own evidence of the chain.
void checkAuditChain(ArchiveCheck& check) {
    const auto* table = check.contents.table("audit_log");
    if (!table) {
        check.auditProblem = "the archive holds no audit_log table";
        return;
    }
    const std::vector<std::string> expected{"seq", "at_ms", "actor", "action", "subject", "details", "prev_hash", "hash"};
    if (!table->rows.empty() && table->columns != expected) {
        check.auditProblem = "the audit_log table has unexpected columns";
        return;
    }
    std::string prev(64, '0');
    std::int64_t seq = 0;
    for (const auto& row : table->rows) {
        for (const auto& v : row)
            if (!v) {
                check.auditProblem = "audit entry " + std::to_string(seq + 1) + " has an empty field";
                return;
            }
        AuditEntry e;
        try {
            e.seq = std::stoll(*row[0]);
            e.at = fromUnixMs(std::stoll(*row[1]));
        } catch (const std::exception&) {
            check.auditProblem = "audit entry after " + std::to_string(seq) + " has a malformed number";
            return;
        }
        e.actor = *row[2];
        e.action = *row[3];
        e.subject = *row[4];
        e.details = *row[5];
        e.prevHash = *row[6];
        e.hash = *row[7];
        if (e.seq != seq + 1 || e.prevHash != prev || AuditLog::entryHash(e) != e.hash) {
            check.auditProblem = "audit entry " + std::to_string(e.seq) + " does not match the chain";
            return;
        }
        seq = e.seq;
        prev = e.hash;
    }
    if (seq != check.contents.auditHeadSeq || prev != check.contents.auditHeadHash) {
        check.auditProblem = "the audit entries end at " + std::to_string(seq) + " but the head says " +
                             std::to_string(check.contents.auditHeadSeq);
        return;
    }
    check.auditChainOk = true;
}

} // namespace

const ArchiveTable* ArchiveContents::table(const std::string& name) const {
    for (const auto& t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

std::string StationArchive::create(Store& store, const std::string& actor, const std::string& recipient,
                                   const KeyStore& keys) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    Transaction tx(store); // one consistent snapshot, including the record of this archive
    AuditLog(store).append(actor, "archive.create", "archive",
                           "signed XML archive of the whole store for " + (recipient.empty() ? "(unnamed)" : recipient));
    std::string xml = header(store, actor, recipient);
    for (const auto& [name, schema] : listTables(store))
        writeTableXml(xml, store, name, schema);
    xml += "</scanstation-archive>\n";
    tx.commit();

    auto signingKey = keys.archiveSigningKey();
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(xml.data()), xml.size(),
                         signingKey.data());
    const unsigned char* pub = signingKey.data() + 32; // libsodium's secret key ends with the public key
    xml += std::string(kSignaturePrefix) + hex(pub, 32) + " sig=" + hex(sig.data(), sig.size()) + " -->\n";
    sodium_memzero(signingKey.data(), signingKey.size());
    return xml;
}

ArchiveCheck StationArchive::verify(std::string_view text, const PublicKey& trusted) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    const auto at = text.rfind(std::string("\n") + std::string(kSignaturePrefix));
    if (at == std::string_view::npos)
        throw Error(ErrorKind::Integrity, "the archive has no signature line; it cannot be trusted");
    const auto body = text.substr(0, at + 1);
    const auto line = text.substr(at + 1);
    const auto keyHex = line.substr(kSignaturePrefix.size(), 64);
    const auto sigStart = kSignaturePrefix.size() + 64 + std::string_view(" sig=").size();
    const auto key = unhex<32>(keyHex);
    const auto sig = line.size() >= sigStart + 128 ? unhex<64>(line.substr(sigStart, 128)) : std::nullopt;
    const std::string_view tail = line.size() >= sigStart + 128 ? line.substr(sigStart + 128) : std::string_view{};
    if (!key || !sig || line.substr(kSignaturePrefix.size() + 64, 5) != " sig=" || tail != " -->\n")
        throw Error(ErrorKind::Integrity, "the archive's signature line is malformed or followed by other content");
    if (*key != trusted)
        throw Error(ErrorKind::Integrity, "the archive is signed by key " + KeyStore::fingerprint(*key) +
                                              ", not by the trusted key " + KeyStore::fingerprint(trusted));
    if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                    trusted.data()) != 0)
        throw Error(ErrorKind::Integrity, "the archive's signature does not match its content: it was changed "
                                          "after signing");
    ArchiveCheck check;
    check.signer = *key;
    check.contents = parseArchiveXml(body);
    checkAuditChain(check);
    return check;
}

ArchiveContents StationArchive::parse(std::string_view xml) {
    return parseArchiveXml(xml);
}

} // namespace scanstation::core
