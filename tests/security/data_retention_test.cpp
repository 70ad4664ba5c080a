// Retention on a real store with the demo school: pupil export, erasure only 1-15 September,
// and images of shredded cards purged after the configured period.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/data_retention.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/roster_import.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace scanstation;
using namespace scanstation::core;
using namespace std::chrono_literals;

namespace {

class DataRetentionTest : public ::testing::Test {
protected:
    sectest::TempStation station;
    Operator admin = station.addOperator("admin", Role::Administrator);
    Operator secretary = station.addOperator("sekretariat", Role::Secretariat);
    std::string pupilId;

    void SetUp() override {
        const auto files = writeDemoFiles(makeDemoSchool(), station.dir / "demo");
        const auto report = importRoster(*station.store, "admin", files.simpleCsv);
        ASSERT_TRUE(report.ok());
        const auto classes = Roster(*station.store).classes();
        ASSERT_FALSE(classes.empty());
        pupilId = Roster(*station.store).pupilsOfClass(classes.front().sourcedId).front().sourcedId;
    }

    void setDate(int year, unsigned month, unsigned day) {
        const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        station.clock->set(std::chrono::sys_days{ymd} + 10h);
    }
};

} // namespace

TEST_F(DataRetentionTest, ExportHoldsThePupilAndIsAuditedAsACopyAndAView) {
    const auto xml = DataRetention(*station.store).exportPupil(admin, pupilId, "parent, request of 2026-03-01");
    const auto pupil = *Roster(*station.store).pupil(pupilId);
    EXPECT_NE(xml.find(pupil.familyName), std::string::npos);
    EXPECT_NE(xml.find("<table name=\"pupils\" rows=\"1\">"), std::string::npos) << xml.substr(0, 500);
    EXPECT_EQ(PupilAccessLog(*station.store).viewsOf(pupilId).size(), 1u);
    AuditQuery q;
    q.actionPrefix = "pupil.export";
    const auto copies = AuditLog(*station.store).list(q);
    ASSERT_EQ(copies.size(), 1u);
    EXPECT_NE(copies[0].details.find("parent"), std::string::npos);
    EXPECT_THROW(DataRetention(*station.store).exportPupil(secretary, pupilId, "x"), Error);
    EXPECT_THROW(DataRetention(*station.store).exportPupil(admin, "no-such-pupil", "x"), Error);
}

TEST_F(DataRetentionTest, ErasureOnlyFromTheFirstToTheFifteenthOfSeptember) {
    DataRetention retention(*station.store);
    for (auto [month, day] : {std::pair{8u, 31u}, {9u, 16u}, {10u, 1u}, {3u, 2u}}) {
        setDate(2026, month, day);
        try {
            retention.erasePupil(admin, pupilId, "left the school");
            FAIL() << "erased on " << month << "/" << day;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Conflict);
            EXPECT_NE(std::string(e.what()).find("1 to 15 September"), std::string::npos);
        }
    }
    setDate(2026, 9, 15);
    EXPECT_THROW(retention.erasePupil(secretary, pupilId, "left the school"), Error);
    retention.erasePupil(admin, pupilId, "left the school before the year began");
    EXPECT_FALSE(Roster(*station.store).pupil(pupilId).has_value());
    AuditQuery q;
    q.actionPrefix = "pupil.erase";
    EXPECT_EQ(AuditLog(*station.store).list(q).size(), 1u);
    EXPECT_TRUE(AuditLog(*station.store).verify().ok);
    EXPECT_TRUE(DataRetention::inErasureWindow(station.clock->now()));
}

namespace {

// Ties a page to a card as ingestion does (page_images + card_readings), with the sqlite3 shell.
void recordReading(const std::string& db, const std::string& pageHash, const std::string& vaultId, int page,
                   const std::string& serial) {
    const std::string sqlText =
        "INSERT INTO page_images (hash, relative_path, bytes, stored_at_ms) VALUES ('" + pageHash + "', 'vault:" +
        vaultId + ".tif', 1000, 0); INSERT INTO card_readings (page_hash, source, page_number, page_status, serial, "
        "outcome, is_current, measurements, issues, recorded_by, recorded_at_ms) VALUES ('" + pageHash +
        "', 'test', " + std::to_string(page) + ", 'read', '" + serial + "', 'accepted', 1, '', '', 'admin', 0)";
    ASSERT_EQ(std::system(("sqlite3 '" + db + "' \"" + sqlText + "\"").c_str()), 0);
}

} // namespace

TEST_F(DataRetentionTest, ImagesOfShreddedCardsArePurgedAfterTheRetentionPeriod) {
    KeyStore keys(station.dir / "keys");
    keys.ensureKeys();
    ImageVault vault(station.dir / "data" / "vault", keys.dataKey());
    CardRegistry cards(*station.store);
    const auto shredded = cards.issue("admin", CardIssueRequest{"lesson-card", 1, std::nullopt, ""});
    const auto kept = cards.issue("admin", CardIssueRequest{"lesson-card", 1, std::nullopt, ""});
    const auto sharing = cards.issue("admin", CardIssueRequest{"lesson-card", 1, std::nullopt, ""});
    const Bytes imageA(1000, 0x41), imageB(1000, 0x42), twoPages(1000, 0x43);
    const auto idA = ImageVault::contentId(imageA), idB = ImageVault::contentId(imageB);
    const auto idFile = ImageVault::contentId(twoPages);
    vault.put(idA, imageA);
    vault.put(idB, imageB);
    vault.put(idFile, twoPages);
    const auto db = station.store->databaseFile().string();
    recordReading(db, idA, idA, 1, shredded.serial);
    recordReading(db, idB, idB, 1, kept.serial);
    // A two-page TIFF: page 1 is the shredded card's, page 2 a card still held.
    recordReading(db, std::string(64, 'e'), idFile, 1, shredded.serial);
    recordReading(db, std::string(64, 'f'), idFile, 2, sharing.serial);
    for (auto state : {CardState::Scanned, CardState::Accepted, CardState::Queued, CardState::Acknowledged,
                       CardState::InCustody, CardState::Shredded})
        cards.transition("admin", shredded.serial, state, "test step");

    DataRetention retention(*station.store);
    station.clock->advance(24h * 29);
    EXPECT_TRUE(retention.purgeShreddedImages(admin, vault, 30).imageIds.empty());
    EXPECT_THROW(retention.purgeShreddedImages(station.addOperator("nauczyciel", Role::Teacher), vault, 30), Error);
    station.clock->advance(24h);
    const auto report = retention.purgeShreddedImages(admin, vault, 30);
    EXPECT_EQ(report.imageIds, std::vector<std::string>{idA});
    EXPECT_FALSE(vault.contains(idA));
    EXPECT_TRUE(vault.contains(idB));    // its card is not shredded
    EXPECT_TRUE(vault.contains(idFile)); // another page of the file belongs to a card still held
    EXPECT_TRUE(retention.purgeShreddedImages(admin, vault, 30).imageIds.empty());

    for (auto state : {CardState::Scanned, CardState::Accepted, CardState::Queued, CardState::Acknowledged,
                       CardState::InCustody, CardState::Shredded})
        cards.transition("admin", sharing.serial, state, "test step");
    station.clock->advance(24h * 30);
    EXPECT_EQ(retention.purgeShreddedImages(admin, vault, 30).imageIds, std::vector<std::string>{idFile});
    EXPECT_FALSE(vault.contains(idFile));
}
