// The command line: `template list`, `template show ID --json` (the stable description other
// tools read) and `cards print` against a real data directory.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace scanstation;

namespace {

std::string cli() {
    return std::string("'") + SCANSTATION_CLI + "'";
}

} // namespace

TEST(CliTemplate, ListNamesTheThreeTemplates) {
    const auto r = test::runCommand(cli() + " template list --json");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto list = nlohmann::json::parse(r.out);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0]["id"], "attendance-a4-v1");
    EXPECT_EQ(list[1]["id"], "grade-a4-v1");
    EXPECT_EQ(list[2]["id"], "outage-a4-v1");
}

TEST(CliTemplate, ShowJsonListsEveryBubbleInMillimetres) {
    const auto r = test::runCommand(cli() + " template show attendance-a4-v1 --json");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    const auto tpl = test::shipped("attendance-a4-v1");
    ASSERT_EQ(j["fields"].size(), tpl.fields.size());
    for (std::size_t i = 0; i < tpl.fields.size(); ++i) {
        const auto& f = j["fields"][i];
        EXPECT_EQ(f["id"], tpl.fields[i].id);
        ASSERT_EQ(f["options"].size(), tpl.fields[i].options.size());
        for (std::size_t k = 0; k < tpl.fields[i].options.size(); ++k) {
            const auto& o = f["options"][k];
            EXPECT_EQ(o["value"], tpl.fields[i].options[k].value);
            EXPECT_NEAR(o["centre_mm"][0].get<double>(), tpl.fields[i].options[k].centre.x, 1e-4);
            EXPECT_NEAR(o["centre_mm"][1].get<double>(), tpl.fields[i].options[k].centre.y, 1e-4);
            EXPECT_DOUBLE_EQ(o["radius_mm"].get<double>(), 2.0);
        }
    }
    EXPECT_EQ(j["fields"][5]["id"], "row.01.attendance");
    EXPECT_EQ(j["fields"][5]["row"], 1);
    EXPECT_EQ(j["fields"][5]["kind"], "single_choice");
}

TEST(CliTemplate, UnknownTemplateExitsNotFound) {
    const auto r = test::runCommand(cli() + " template show no-such-card --json");
    EXPECT_EQ(r.status, 6) << r.out;
    EXPECT_NE(r.out.find("attendance-a4-v1"), std::string::npos) << r.out;
}

TEST(CliCards, PrintsOutageAndLessonCards) {
    test::TempDir dir;
    const std::string data = " --data '" + (dir.path() / "data").string() + "'";
    const std::string out = " --out '" + (dir.path() / "out").string() + "'";
    ASSERT_EQ(test::runCommand(cli() + data + " demo init").status, 0);

    auto r = test::runCommand(cli() + data + " cards print --outage 2 --json" + out);
    ASSERT_EQ(r.status, 0) << r.out;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["cards"].size(), 2u);
    EXPECT_TRUE(j["cards"][0]["lessonSlot"].is_null());
    EXPECT_EQ(j["cards"][0]["template"], "outage-a4-v1");
    EXPECT_TRUE(std::filesystem::exists(j["cards"][0]["file"].get<std::string>()));

    r = test::runCommand(cli() + data + " cards print --class 2b --from 2026-11-23 --format png --dpi 100 --json" + out);
    ASSERT_EQ(r.status, 0) << r.out;
    j = nlohmann::json::parse(r.out);
    ASSERT_FALSE(j["cards"].empty());
    for (const auto& c : j["cards"]) {
        EXPECT_EQ(c["rosterVersion"], 1);
        EXPECT_TRUE(std::filesystem::exists(c["file"].get<std::string>()));
    }

    const auto lessonsThatDay = j["cards"].size();
    r = test::runCommand(cli() + data + " cards print --class 2b --from 2026-11-23 --lesson 1 --json" + out);
    ASSERT_EQ(r.status, 0) << r.out;
    j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["cards"].size(), 1u);
    EXPECT_GT(lessonsThatDay, 1u);

    r = test::runCommand(cli() + data + " cards print --class 2b --from 2026-11-28" + out);
    EXPECT_EQ(r.status, 6) << r.out; // a Saturday: no lessons
    r = test::runCommand(cli() + data + " cards print --class 2b --from 23.11.2026" + out);
    EXPECT_EQ(r.status, 3) << r.out;
}
