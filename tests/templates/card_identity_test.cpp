// The identity payload: encode, parse, verify; tampered, forged and foreign codes; the key file.
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/error.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sys/stat.h>

using namespace scanstation;
using core::CardIdentity;
using core::IdentityStatus;

namespace {

CardIdentity lessonCard() {
    CardIdentity id;
    id.serial = "00000042";
    id.templateId = "attendance-a4-v1";
    id.templateVersion = 1;
    id.school = "szkola-podstawowa-12";
    id.lesson = core::LessonIdentity{"2b", {2026, 11, 23}, 3, "mat", "t-kowalska|x%"};
    id.rosterVersion = 7;
    return id;
}

CardIdentity outageCard() {
    CardIdentity id;
    id.serial = "00000100";
    id.templateId = "outage-a4-v1";
    id.school = "szkola-podstawowa-12";
    id.rosterVersion = 3;
    return id;
}

core::StationKey keyOf(std::uint8_t fill) {
    std::array<std::uint8_t, core::StationKey::kSize> bytes{};
    bytes.fill(fill);
    return core::StationKey(bytes);
}

} // namespace

TEST(CardIdentity, LessonPayloadRoundTrip) {
    const auto key = core::StationKey::generate();
    const std::string payload = core::encodeIdentityPayload(lessonCard(), key);
    EXPECT_EQ(payload.rfind("SS1|L|00000042|attendance-a4-v1|1|szkola-podstawowa-12|2b|20261123|3|mat|t-kowalska%7Cx%25|7|", 0), 0u)
        << payload;
    const auto check = core::verifyIdentityPayload(payload, key, "szkola-podstawowa-12");
    ASSERT_TRUE(check.valid()) << check.problem;
    EXPECT_EQ(*check.identity, lessonCard());
}

TEST(CardIdentity, OutagePayloadHasNoLesson) {
    const auto key = core::StationKey::generate();
    const std::string payload = core::encodeIdentityPayload(outageCard(), key);
    EXPECT_EQ(core::parseIdentityPayload(payload).signedText, "SS1|O|00000100|outage-a4-v1|1|szkola-podstawowa-12|3");
    const auto check = core::verifyIdentityPayload(payload, key, "szkola-podstawowa-12");
    ASSERT_TRUE(check.valid()) << check.problem;
    EXPECT_FALSE(check.identity->lesson.has_value());
}

TEST(CardIdentity, MacIsTenBytesOfHmacInBase32) {
    const std::string payload = core::encodeIdentityPayload(outageCard(), keyOf(1));
    const auto parsed = core::parseIdentityPayload(payload);
    EXPECT_EQ(parsed.mac.size(), 16u);
    // A different key gives a different MAC for the same identity.
    EXPECT_NE(core::parseIdentityPayload(core::encodeIdentityPayload(outageCard(), keyOf(2))).mac, parsed.mac);
}

TEST(CardIdentity, EveryAlteredCharacterIsRejected) {
    const auto key = keyOf(7);
    const std::string payload = core::encodeIdentityPayload(lessonCard(), key);
    for (std::size_t i = 0; i < payload.size(); ++i) {
        for (char replacement : {'0', '9', 'A', 'b', '|', '%'}) {
            if (payload[i] == replacement)
                continue;
            std::string altered = payload;
            altered[i] = replacement;
            const auto check = core::verifyIdentityPayload(altered, key, "szkola-podstawowa-12");
            EXPECT_FALSE(check.valid()) << altered;
            EXPECT_FALSE(check.problem.empty());
        }
    }
}

TEST(CardIdentity, TamperedFieldIsABadSignature) {
    const auto key = keyOf(7);
    std::string payload = core::encodeIdentityPayload(lessonCard(), key);
    payload.replace(payload.find("|3|mat|"), 7, "|4|mat|"); // another lesson number
    const auto check = core::verifyIdentityPayload(payload, key, "szkola-podstawowa-12");
    EXPECT_EQ(check.status, IdentityStatus::BadSignature);
    EXPECT_NE(check.problem.find("does not verify"), std::string::npos);
}

TEST(CardIdentity, ForgedWithAnotherKeyIsABadSignature) {
    const std::string forged = core::encodeIdentityPayload(lessonCard(), keyOf(9));
    EXPECT_EQ(core::verifyIdentityPayload(forged, keyOf(7), "szkola-podstawowa-12").status, IdentityStatus::BadSignature);
}

TEST(CardIdentity, AnotherSchoolsCardIsRejected) {
    auto other = lessonCard();
    other.school = "liceum-3";
    const auto key = keyOf(7);
    const auto check = core::verifyIdentityPayload(core::encodeIdentityPayload(other, key), key, "szkola-podstawowa-12");
    EXPECT_EQ(check.status, IdentityStatus::OtherSchool);
    EXPECT_NE(check.problem.find("liceum-3"), std::string::npos);
}

TEST(CardIdentity, MalformedPayloadsAreValuesNotCrashes) {
    const auto key = keyOf(7);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "does not start with"},
        {"hello", "does not start with"},
        {"SS1", "unknown card identity type"},
        {"SS1|X|00000001", "unknown card identity type"},
        {"SS1|O|00000001|outage-a4-v1|1|s|3", "has 7 fields instead of 8"},
        {"SS1|O|0000001|outage-a4-v1|1|s|3|AAAAAAAAAAAAAAAA", "serial \"0000001\" is not 8 digits"},
        {"SS1|O|00000001|Outage|1|s|3|AAAAAAAAAAAAAAAA", "template id"},
        {"SS1|O|00000001|outage-a4-v1|x|s|3|AAAAAAAAAAAAAAAA", "template version"},
        {"SS1|O|00000001|outage-a4-v1|1|s%G1|3|AAAAAAAAAAAAAAAA", "broken %-escape"},
        {"SS1|O|00000001|outage-a4-v1|1|s%4|3|AAAAAAAAAAAAAAAA", "broken %-escape"},
        {"SS1|O|00000001|outage-a4-v1|1||3|AAAAAAAAAAAAAAAA", "school is empty"},
        {"SS1|O|00000001|outage-a4-v1|1|s|3|aaaaaaaaaaaaaaaa", "MAC is not 16 base32"},
        {"SS1|L|00000001|attendance-a4-v1|1|s|2b|20260230|3|mat|t|7|AAAAAAAAAAAAAAAA", "not a valid date"},
        {"SS1|L|00000001|attendance-a4-v1|1|s|2b|2026-11-2|3|mat|t|7|AAAAAAAAAAAAAAAA", "not YYYYMMDD"},
        {"SS1|L|00000001|attendance-a4-v1|1|s|2b|20261123|99|mat|t|7|AAAAAAAAAAAAAAAA", "lesson number 99"},
        {std::string(2000, 'S'), "longer than any card identity"},
    };
    for (const auto& [payload, expected] : cases) {
        const auto check = core::verifyIdentityPayload(payload, key, "s");
        EXPECT_EQ(check.status, IdentityStatus::Malformed) << payload;
        EXPECT_NE(check.problem.find(expected), std::string::npos) << payload << "\n  got: " << check.problem;
    }
}

TEST(CardIdentity, NonCanonicalSpellingIsRejected) {
    const auto key = keyOf(7);
    std::string payload = core::encodeIdentityPayload(outageCard(), key);
    payload.replace(payload.find("|1|"), 3, "|01|"); // same number, other spelling, same MAC
    EXPECT_EQ(core::verifyIdentityPayload(payload, key, "szkola-podstawowa-12").status, IdentityStatus::Malformed);
}

TEST(CardIdentity, RandomBytesNeverCrash) {
    std::mt19937 rng(12345);
    const auto key = keyOf(7);
    const std::string valid = core::encodeIdentityPayload(lessonCard(), key);
    for (int i = 0; i < 3000; ++i) {
        std::string s = valid.substr(0, rng() % (valid.size() + 1));
        for (int k = 0; k < 3; ++k)
            if (!s.empty())
                s[rng() % s.size()] = static_cast<char>(rng() % 256);
        EXPECT_FALSE(core::verifyIdentityPayload(s, key, "szkola-podstawowa-12").valid() && s != valid);
    }
}

TEST(CardIdentity, EncodingInvalidValuesIsAnError) {
    auto bad = lessonCard();
    bad.serial = "42";
    EXPECT_THROW(core::encodeIdentityPayload(bad, keyOf(1)), Error);
    bad = lessonCard();
    bad.lesson->lessonNumber = 16;
    EXPECT_THROW(core::encodeIdentityPayload(bad, keyOf(1)), Error);
}

TEST(StationKeyFile, CreatedOnceWithMode0600AndReloaded) {
    test::TempDir dir;
    const auto created = core::loadOrCreateStationKey(dir.path() / "data");
    struct stat st {};
    ASSERT_EQ(::stat((dir.path() / "data" / "station.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(core::loadOrCreateStationKey(dir.path() / "data").bytes(), created.bytes());
    EXPECT_EQ(core::loadStationKey(dir.path() / "data").bytes(), created.bytes());
}

TEST(StationKeyFile, MissingIsNotFound) {
    test::TempDir dir;
    try {
        core::loadStationKey(dir.path());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

TEST(StationKeyFile, ReadableByOthersOrMalformedIsRefused) {
    test::TempDir dir;
    core::loadOrCreateStationKey(dir.path());
    const auto file = dir.path() / "station.key";
    std::filesystem::permissions(file, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
    try {
        core::loadStationKey(dir.path());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
        EXPECT_NE(std::string(e.what()).find("0640"), std::string::npos) << e.what();
    }
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    std::ofstream(file) << "not hex\n";
    EXPECT_THROW(core::loadStationKey(dir.path()), Error);
}
