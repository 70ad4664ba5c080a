// The signed monthly archive: everything in the store, secrets excluded, any change detected.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/station_archive.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using namespace scanstation::core;

namespace {

class StationArchiveTest : public ::testing::Test {
protected:
    sectest::TempStation station;
    KeyStore keys{station.dir / "keys"};
    std::string archive;

    void SetUp() override {
        keys.ensureKeys();
        station.addOperator("admin", Role::Administrator);
        Operator odd;
        odd.login = "odd";
        odd.displayName = "Zofia \"Zosia\" <Łęcka> & Co\nline two\ttab \x01 bell";
        odd.role = Role::Teacher;
        OperatorDirectory(*station.store).add("admin", odd);
        Accounts(*station.store, PasswordHashCost::Minimal).setOneTimePassword(std::nullopt, "admin", "Secret-Pass1");
        archive = StationArchive::create(*station.store, "admin", "school safe, disc 2026-11", keys);
    }

    ErrorKind verifyError(const std::string& text) {
        try {
            StationArchive::verify(text, keys.archivePublicKey());
        } catch (const Error& e) {
            return e.kind();
        }
        ADD_FAILURE() << "a tampered archive verified";
        return ErrorKind::Infrastructure;
    }
};

} // namespace

TEST_F(StationArchiveTest, VerifiesAndHoldsEveryTableExceptSecrets) {
    const auto check = StationArchive::verify(archive, keys.archivePublicKey());
    EXPECT_EQ(check.signer, keys.archivePublicKey());
    EXPECT_EQ(check.contents.createdBy, "admin");
    EXPECT_EQ(check.contents.recipient, "school safe, disc 2026-11");
    EXPECT_EQ(check.contents.schemaVersion, station.store->schemaVersion());
    EXPECT_TRUE(check.auditChainOk) << check.auditProblem;
    ASSERT_NE(check.contents.table("operators"), nullptr);
    ASSERT_NE(check.contents.table("audit_log"), nullptr);
    ASSERT_NE(check.contents.table("pupils"), nullptr);
    EXPECT_EQ(check.contents.table("operator_credentials"), nullptr);
    EXPECT_EQ(check.contents.table("operator_sessions"), nullptr);
    EXPECT_EQ(archive.find("argon2id"), std::string::npos);

    // The archive records its own creation as the newest audit entry.
    const auto& audit = *check.contents.table("audit_log");
    ASSERT_FALSE(audit.rows.empty());
    EXPECT_EQ(*audit.rows.back()[3], "archive.create");
    EXPECT_EQ(check.contents.auditHeadSeq, static_cast<std::int64_t>(audit.rows.size()));
}

TEST_F(StationArchiveTest, TextWithMarkupAndControlCharactersRoundTrips) {
    const auto check = StationArchive::verify(archive, keys.archivePublicKey());
    const auto& ops = *check.contents.table("operators");
    const auto nameColumn = std::find(ops.columns.begin(), ops.columns.end(), "display_name") - ops.columns.begin();
    bool found = false;
    for (const auto& row : ops.rows)
        if (row[static_cast<std::size_t>(nameColumn)] == "Zofia \"Zosia\" <Łęcka> & Co\nline two\ttab \x01 bell")
            found = true;
    EXPECT_TRUE(found);
}

TEST_F(StationArchiveTest, AnyChangeIsDetected) {
    auto changed = archive;
    const auto at = changed.find("administrator");
    ASSERT_NE(at, std::string::npos);
    changed[at] = 'A'; // "administrator" -> "Administrator"
    EXPECT_EQ(verifyError(changed), ErrorKind::Integrity);

    auto removedRow = archive;
    const auto row = removedRow.find("    <row>");
    removedRow.erase(row, removedRow.find('\n', row) - row + 1);
    EXPECT_EQ(verifyError(removedRow), ErrorKind::Integrity);

    auto badSig = archive;
    badSig[badSig.size() - 10] = badSig[badSig.size() - 10] == '0' ? '1' : '0';
    EXPECT_EQ(verifyError(badSig), ErrorKind::Integrity);

    const auto unsignedPart = archive.substr(0, archive.rfind("<!-- scanstation-signature"));
    EXPECT_EQ(verifyError(unsignedPart), ErrorKind::Integrity);
    EXPECT_EQ(verifyError(archive + "<extra/>\n"), ErrorKind::Integrity);
}

TEST_F(StationArchiveTest, ArchiveSignedByAnotherKeyIsRefused) {
    KeyStore other(station.dir / "other-keys");
    other.ensureKeys();
    const auto forged = StationArchive::create(*station.store, "admin", "forger", other);
    EXPECT_EQ(verifyError(forged), ErrorKind::Integrity);
    EXPECT_NO_THROW(StationArchive::verify(forged, other.archivePublicKey()));
}

TEST(ArchiveParser, RefusesMalformedDocuments) {
    EXPECT_THROW(StationArchive::parse(""), Error);
    EXPECT_THROW(StationArchive::parse("<scanstation-archive format=\"2\">"), Error);
    EXPECT_THROW(StationArchive::parse("<?xml version=\"1.0\"?><scanstation-archive format=\"1\" created=\"x\" "
                                       "created-by=\"a\" recipient=\"\" schema-version=\"1\" audit-head-seq=\"0\" "
                                       "audit-head-hash=\"0\"><table name=\"t\" rows=\"2\"><schema>s</schema>"
                                       "<row><c n=\"a\">1</c></row></table></scanstation-archive>"),
                 Error); // declares two rows, holds one
    const auto ok = StationArchive::parse(
        "<?xml version=\"1.0\"?><scanstation-archive format=\"1\" created=\"x\" created-by=\"a\" recipient=\"\" "
        "schema-version=\"1\" audit-head-seq=\"0\" audit-head-hash=\"0\"><table name=\"t\" rows=\"1\"><schema>s"
        "</schema><row><c n=\"a\" t=\"int\">1</c><c n=\"b\" null=\"1\"/><c n=\"c\">&lt;&#x105;</c></row></table>"
        "</scanstation-archive>\n");
    ASSERT_EQ(ok.tables.size(), 1u);
    EXPECT_EQ(ok.tables[0].rows[0][0], "1");
    EXPECT_FALSE(ok.tables[0].rows[0][1].has_value());
    EXPECT_EQ(ok.tables[0].rows[0][2], "<ą");
}
