// The card MAC key ring in the key directory: migration of a data-dir station.key, rotation with
// a grace period, and the passphrase-sealed export shared between stations.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace {

namespace fs = std::filesystem;
using namespace scanstation;
using std::chrono::hours;

const std::string kSchool = "szkola-podstawowa-12";

core::CardIdentity identity() {
    core::CardIdentity id;
    id.serial = "00000042";
    id.templateId = "attendance-a4-v1";
    id.school = kSchool;
    id.lesson = core::LessonIdentity{"2b", core::Date{2026, 11, 23}, 3, "MAT", "T001"};
    id.rosterVersion = 7;
    return id;
}

class CardKeysTest : public ::testing::Test {
protected:
    sectest::TempStation station;
    fs::path keys = station.dir / "keys";
    core::TimePoint now() const { return station.clock->now(); }
};

TEST_F(CardKeysTest, ADataDirStationKeyMovesIntoTheKeyDirectoryWithAnAuditEntry) {
    const auto old = core::loadOrCreateStationKey(station.store->dataDir());
    const auto printed = core::encodeIdentityPayload(identity(), old);
    const auto ring = core::stationCardKeys(*station.store, keys);
    EXPECT_EQ(ring.current().key.bytes(), old.bytes());
    EXPECT_FALSE(fs::exists(station.store->dataDir() / core::StationKey::kFileName));
    struct stat st {};
    ASSERT_EQ(::stat((keys / core::CardKeyFile::kFileName).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 077, 0u);
    core::AuditQuery q;
    q.actionPrefix = "keys.card_key_moved";
    EXPECT_EQ(core::AuditLog(*station.store).list(q).size(), 1u);
    EXPECT_TRUE(core::verifyIdentityPayload(printed, ring, kSchool, now()).valid());
    core::stationCardKeys(*station.store, keys); // second use: nothing to move
    EXPECT_EQ(core::AuditLog(*station.store).list(q).size(), 1u);
}

TEST_F(CardKeysTest, OldCardsVerifyDuringTheGracePeriodAndAreRefusedAfterItWithAReason) {
    const auto first = core::stationCardKeys(*station.store, keys);
    const auto oldCard = core::encodeIdentityPayload(identity(), first.current().key);
    const auto fresh = core::CardKeyFile(keys).rotate(now(), 14);
    EXPECT_EQ(fresh.id, 2);
    const auto ring = core::CardKeyFile(keys).load();
    EXPECT_EQ(ring.current().id, 2);
    const auto newCard = core::encodeIdentityPayload(identity(), ring.current().key);
    EXPECT_NE(newCard, oldCard);

    const auto during = core::verifyIdentityPayload(oldCard, ring, kSchool, now() + hours(24 * 13));
    EXPECT_TRUE(during.valid()) << during.problem;
    EXPECT_EQ(during.keyId, 1);
    const auto after = core::verifyIdentityPayload(oldCard, ring, kSchool, now() + hours(24 * 15));
    EXPECT_EQ(after.status, core::IdentityStatus::RetiredKey);
    EXPECT_NE(after.problem.find("card key #1"), std::string::npos) << after.problem;
    EXPECT_NE(after.problem.find("grace period ended on 2026-03-16"), std::string::npos) << after.problem;
    EXPECT_TRUE(core::verifyIdentityPayload(newCard, ring, kSchool, now() + hours(24 * 400)).valid());
    const auto forged = core::encodeIdentityPayload(identity(), core::StationKey::generate());
    EXPECT_EQ(core::verifyIdentityPayload(forged, ring, kSchool, now()).status, core::IdentityStatus::BadSignature);
}

TEST_F(CardKeysTest, TheSealedExportCarriesTheRingToAnotherStation) {
    core::stationCardKeys(*station.store, keys);
    core::CardKeyFile(keys).rotate(now(), 30);
    const auto schoolRing = core::CardKeyFile(keys).load();
    const auto sealed = core::CardKeyFile(keys).exportSealed("correct horse battery");
    EXPECT_EQ(sealed.find(core::cardKeyLabel(schoolRing.current().key)), std::string::npos);

    sectest::TempStation other;
    const fs::path otherKeys = other.dir / "keys";
    const auto own = core::stationCardKeys(*other.store, otherKeys).current().key;
    const auto ownCard = core::encodeIdentityPayload(identity(), own);
    EXPECT_THROW(core::CardKeyFile(otherKeys).importSealed(sealed, "wrong horse battery", now(), 7), Error);
    auto changed = sealed;
    changed[changed.size() - 3] ^= 1;
    EXPECT_THROW(core::CardKeyFile(otherKeys).importSealed(changed, "correct horse battery", now(), 7), Error);

    const auto ring = core::CardKeyFile(otherKeys).importSealed(sealed, "correct horse battery", now(), 7);
    EXPECT_EQ(ring.current().key.bytes(), schoolRing.current().key.bytes());
    const auto schoolCard = core::encodeIdentityPayload(identity(), schoolRing.current().key);
    EXPECT_TRUE(core::verifyIdentityPayload(schoolCard, ring, kSchool, now()).valid());
    const auto ownCheck = core::verifyIdentityPayload(ownCard, ring, kSchool, now() + hours(24 * 6));
    EXPECT_TRUE(ownCheck.valid()) << ownCheck.problem << " ring size " << ring.keys().size();
    EXPECT_EQ(core::verifyIdentityPayload(ownCard, ring, kSchool, now() + hours(24 * 8)).status,
              core::IdentityStatus::RetiredKey);
    EXPECT_THROW(core::CardKeyFile(keys).exportSealed("short"), Error);
}

TEST_F(CardKeysTest, AStrayDataDirKeyThatIsNotInTheRingIsAConflict) {
    core::stationCardKeys(*station.store, keys);
    core::loadOrCreateStationKey(station.store->dataDir()); // a different key appears in the data dir
    try {
        core::stationCardKeys(*station.store, keys);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict) << e.what();
    }
}

} // namespace
