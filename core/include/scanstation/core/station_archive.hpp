#pragma once
// The monthly archive of everything the station holds (004 ch. 5 §5), as one XML file signed
// with the station's Ed25519 key (004 ch. 6 §7-8). Format: docs/ARCHIVE.md. In short:
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <scanstation-archive format="1" created="..." created-by="..." recipient="..."
//                        schema-version="N" audit-head-seq="S" audit-head-hash="H">
//     <table name="pupils" rows="2">
//       <schema>CREATE TABLE pupils (...)</schema>
//       <row><c n="sourced_id">P1</c><c n="class_id" null="1"/>...</row>
//     </table>
//     ...
//   </scanstation-archive>
//   <!-- scanstation-signature ed25519 key=<64 hex> sig=<128 hex> -->
//
// The signature covers every byte before the signature line. Every table of the store is
// archived, with its CREATE statement, except secrets: password hashes and session digests.
#include "scanstation/core/key_store.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core {

class Store;

struct ArchiveTable {
    std::string name;
    std::string schema; // the CREATE TABLE statement
    std::vector<std::string> columns;
    // One value per column; nullopt for SQL NULL. Integers and reals as decimal text, blobs as
    // base64 text, text as itself.
    std::vector<std::vector<std::optional<std::string>>> rows;
};

struct ArchiveContents {
    std::string created;   // UTC, "2026-11-23T12:25:33.123Z"
    std::string createdBy; // operator login
    std::string recipient; // for whom the copy was made (000 ch. VI §2)
    int schemaVersion = 0;
    std::int64_t auditHeadSeq = 0;
    std::string auditHeadHash;
    std::vector<ArchiveTable> tables;

    const ArchiveTable* table(const std::string& name) const;
};

struct ArchiveCheck {
    PublicKey signer{};
    ArchiveContents contents;
    // The archived audit entries re-hashed and chained: true when they match the head.
    bool auditChainOk = false;
    std::string auditProblem;
};

class StationArchive {
public:
    // Writes the whole store as signed XML. The creation is audited first ("archive.create",
    // naming the recipient), so the archive holds the record of its own making.
    // The signing key is read from `keys` and wiped after use.
    static std::string create(Store& store, const std::string& actor, const std::string& recipient,
                              const KeyStore& keys);

    // Checks the signature against the trusted public key, then parses the content. Throws
    // Error{Integrity} when the signature line is missing, the key differs or any signed byte
    // changed; Error{BadInput} when the signed content is not an archive.
    static ArchiveCheck verify(std::string_view text, const PublicKey& trusted);

    // Parses the XML part (without checking a signature).
    static ArchiveContents parse(std::string_view xml);
};

} // namespace scanstation::core
