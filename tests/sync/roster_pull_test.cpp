// Incremental roster pull with a (timestamp, id) cursor: records changed in the same instant
// are neither skipped across pages nor taken twice.
#include "sync_test_fixture.hpp"

#include "scanstation/core/roster_mirror.hpp"
#include "scanstation/sync/roster_pull.hpp"

namespace scanstation::testing {
namespace {

nlohmann::json pupil(const std::string& id, const std::string& modified, const std::string& family = "Nowak") {
    return {{"sourcedId", id},
            {"dateLastModified", modified},
            {"enabledUser", true},
            {"givenName", "Ala"},
            {"familyName", family},
            {"roles", nlohmann::json::array({{{"roleType", "primary"}, {"role", "student"},
                                              {"org", {{"sourcedId", "sch"}}}}})}};
}

class RosterPull : public SyncFixture {};

TEST_F(RosterPull, SameInstantRecordsAreNeitherSkippedNorRepeated) {
    reg = std::make_unique<RegisterProcess>(registerDir.path());
    const std::string instant = "2026-11-20T10:00:00.000Z";
    nlohmann::json users = nlohmann::json::array();
    for (const char* id : {"u-a", "u-b", "u-c", "u-d", "u-e"}) users.push_back(pupil(id, instant));
    users.push_back(pupil("u-0", "2026-11-19T09:00:00.000Z"));
    reg->seed({{"orgs", {{{"sourcedId", "sch"}, {"name", "S"}, {"type", "school"}, {"dateLastModified", instant}}}},
               {"users", users}});
    sync::RegisterClient client(loopbackEndpoint(*reg));

    const auto first = sync::pullRoster(*store, client, 2); // pages of 2 cut through the tie
    ASSERT_TRUE(first.complete) << first.plainWords;
    EXPECT_EQ(first.changed.at("users"), 6);
    EXPECT_EQ(first.changed.at("orgs"), 1);
    core::RosterMirror mirror(*store);
    EXPECT_EQ(mirror.count("users"), 6);
    const auto cursor = mirror.cursor("users");
    ASSERT_TRUE(cursor);
    EXPECT_EQ(cursor->timestamp, instant);
    EXPECT_EQ(cursor->sourcedId, "u-e");

    // Later: one more record in the same instant (after the cursor's id) and one changed record.
    reg->seed({{"users", {pupil("u-f", instant), pupil("u-a", "2026-11-21T08:00:00.000Z", "Kowalska")}}});
    const auto second = sync::pullRoster(*store, client, 2);
    ASSERT_TRUE(second.complete) << second.plainWords;
    EXPECT_EQ(second.changed.at("users"), 2);
    EXPECT_EQ(second.changed.at("orgs"), 0);
    EXPECT_EQ(mirror.count("users"), 7);
    bool renamed = false;
    for (const auto& record : mirror.records("users"))
        if (record.sourcedId == "u-a") renamed = record.body.find("Kowalska") != std::string::npos;
    EXPECT_TRUE(renamed);

    const auto third = sync::pullRoster(*store, client, 2);
    EXPECT_EQ(third.changed.at("users"), 0);
}

TEST_F(RosterPull, FailureKeepsTheCursor) {
    reg = std::make_unique<RegisterProcess>(registerDir.path());
    reg->seed({{"users", {pupil("u-a", "2026-11-20T10:00:00.000Z")}}});
    sync::RegisterClient client(loopbackEndpoint(*reg));
    ASSERT_TRUE(sync::pullRoster(*store, client).complete);
    reg->seed({{"users", {pupil("u-b", "2026-11-20T11:00:00.000Z")}}});
    reg->setFaults("500:1");
    // orgs is asked first and fails: nothing moves.
    const auto failed = sync::pullRoster(*store, client);
    EXPECT_FALSE(failed.complete);
    EXPECT_NE(failed.plainWords.find("HTTP 500"), std::string::npos) << failed.plainWords;
    EXPECT_EQ(core::RosterMirror(*store).cursor("users")->sourcedId, "u-a");
    const auto retried = sync::pullRoster(*store, client);
    ASSERT_TRUE(retried.complete);
    EXPECT_EQ(retried.changed.at("users"), 1);
}

TEST_F(RosterPull, PulledRosterBecomesANewRosterVersion) {
    startRegister(); // seeded with the station's own roster
    sync::RegisterClient client(loopbackEndpoint(*reg));
    ASSERT_TRUE(sync::pullRoster(*store, client).complete);
    const auto first = sync::importPulledRoster(*store, "sync");
    ASSERT_TRUE(first.imported) << (first.problems.empty() ? "" : first.problems.front());
    const auto before = core::Roster(*store).currentVersion();

    // The school renames a pupil in its information system.
    const auto pupilBefore = core::Roster(*store).snapshot().pupils.front();
    auto renamed = pupil(pupilBefore.sourcedId, "2030-01-01T00:00:00.000Z", "Zmieniona");
    renamed["givenName"] = pupilBefore.givenName;
    reg->seed({{"users", {renamed}}});
    const auto pulled = sync::pullRoster(*store, client);
    ASSERT_TRUE(pulled.complete);
    EXPECT_EQ(pulled.changed.at("users"), 1);
    const auto second = sync::importPulledRoster(*store, "sync");
    ASSERT_TRUE(second.imported) << (second.problems.empty() ? "" : second.problems.front());
    EXPECT_TRUE(second.changed);
    EXPECT_EQ(second.rosterVersion, before + 1);
    EXPECT_EQ(core::Roster(*store).pupil(pupilBefore.sourcedId)->familyName, "Zmieniona");
}

} // namespace
} // namespace scanstation::testing
