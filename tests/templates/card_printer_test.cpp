// Printing with the real store: cards recorded as issued with their roster version, the
// identity code on the printed PNG verifies and names the lesson, struck-off pupils are not
// printed, a roster change gives the next cards the new roster version, a failed job records
// nothing.
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/card_printer.hpp"
#include "test_support.hpp"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace scanstation;

namespace {

const core::Date kMonday{2026, 11, 23};

templates::Raster readPng(const std::filesystem::path& file, double dpi) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(file.c_str());
    EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS) << file;
    templates::Raster r;
    r.width = cairo_image_surface_get_width(s);
    r.height = cairo_image_surface_get_height(s);
    r.stride = r.width;
    r.dpi = dpi;
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const bool gray = cairo_image_surface_get_format(s) == CAIRO_FORMAT_A8;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            r.gray.push_back(gray ? data[y * stride + x] : data[y * stride + 4 * x]); // A8, or ARGB32's blue
    cairo_surface_destroy(s);
    return r;
}

class CardPrinterTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = std::make_unique<core::Store>(m_dir.path() / "data");
        const auto report = core::installDemoSchool(*m_store, "test", m_dir.path() / "demo");
        ASSERT_TRUE(report.ok());
        m_key = core::loadOrCreateStationKey(m_dir.path() / "data");
    }

    templates::PrintOptions options(templates::OutputFormat format) const {
        return {format, 150, m_dir.path() / "out"};
    }

    std::string schoolId() const { return core::Roster(*m_store).school()->sourcedId; }

    // Imports the current roster with `edit` applied, as a simple CSV.
    std::int64_t importEdited(const std::function<void(core::RosterSnapshot&)>& edit) {
        auto snapshot = core::Roster(*m_store).snapshot();
        std::erase_if(snapshot.pupils, [](const auto& p) { return p.status == core::PupilStatus::StruckOff; });
        edit(snapshot);
        const auto file = m_dir.path() / "edited.csv";
        core::writeSimpleRosterCsv(snapshot, file);
        const auto report = core::importRoster(*m_store, "test", file);
        EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front().reason);
        return report.rosterVersion;
    }

    std::string classIdOf(const std::string& code) const { return core::Roster(*m_store).classByCode(code)->sourcedId; }

    test::TempDir m_dir;
    std::unique_ptr<core::Store> m_store;
    core::StationKey m_key = core::StationKey::generate();
};

} // namespace

TEST_F(CardPrinterTest, LessonCardsAreIssuedWithTheirRosterVersionAndSigned) {
    const auto slots = templates::lessonsOf(*m_store, "2b", kMonday, kMonday);
    ASSERT_FALSE(slots.empty());
    templates::CardPrinter printer(*m_store, m_key);
    const auto tpl = test::shipped("attendance-a4-v1");
    const auto job = printer.printLessons("jkowalska", tpl, slots, options(templates::OutputFormat::Pdf));
    ASSERT_EQ(job.cards.size(), slots.size());
    ASSERT_EQ(job.files.size(), 1u);
    EXPECT_TRUE(std::filesystem::exists(job.files[0]));
    const auto active = core::Roster(*m_store).pupilsOfClass(classIdOf("2b")).size();
    core::CardRegistry registry(*m_store);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto card = registry.find(job.cards[i].card.serial);
        ASSERT_TRUE(card.has_value());
        EXPECT_EQ(card->state, core::CardState::Issued);
        EXPECT_EQ(card->issuedBy, "jkowalska");
        EXPECT_EQ(card->lessonSlotId, slots[i].id);
        EXPECT_EQ(card->rosterVersion, core::Roster(*m_store).currentVersion());
        EXPECT_EQ(job.cards[i].pupilRows, static_cast<int>(active));
    }
    const auto info = test::runCommand("pdfinfo '" + job.files[0].string() + "'");
    EXPECT_NE(info.out.find("Pages:           " + std::to_string(slots.size())), std::string::npos) << info.out;
}

TEST_F(CardPrinterTest, PrintedPngCarriesAVerifiableIdentityOfItsLesson) {
    const auto slots = templates::lessonsOf(*m_store, "2b", kMonday, kMonday);
    templates::CardPrinter printer(*m_store, m_key);
    const auto job = printer.printLessons("test", test::shipped("grade-a4-v1"), {slots.front()},
                                          options(templates::OutputFormat::Png));
    ASSERT_EQ(job.files.size(), 1u);
    const auto codes = test::decodeQrCodes(readPng(job.files[0], 150));
    ASSERT_EQ(codes.size(), 1u);
    const auto check = core::verifyIdentityPayload(codes[0], core::loadStationKey(m_dir.path() / "data"), schoolId());
    ASSERT_TRUE(check.valid()) << check.problem;
    const auto& id = *check.identity;
    EXPECT_EQ(id.serial, job.cards[0].card.serial);
    EXPECT_EQ(id.templateId, "grade-a4-v1");
    ASSERT_TRUE(id.lesson.has_value());
    EXPECT_EQ(id.lesson->classOrGroup, "2b");
    EXPECT_EQ(id.lesson->date, kMonday);
    EXPECT_EQ(id.lesson->lessonNumber, slots.front().lessonNumber);
    EXPECT_EQ(id.lesson->subject, slots.front().subjectCode);
    EXPECT_EQ(id.lesson->teacher, slots.front().teacherId);
    EXPECT_EQ(id.rosterVersion, job.cards[0].card.rosterVersion);
    // Another school's station refuses it.
    EXPECT_EQ(core::verifyIdentityPayload(codes[0], m_key, "another-school").status, core::IdentityStatus::OtherSchool);
}

TEST_F(CardPrinterTest, RosterChangeGivesTheNewRosterVersionAndDropsStruckOffPupils) {
    const auto slots = templates::lessonsOf(*m_store, "2b", kMonday, kMonday);
    templates::CardPrinter printer(*m_store, m_key);
    const auto tpl = test::shipped("attendance-a4-v1");
    const auto before = printer.printLessons("test", tpl, {slots.front()}, options(templates::OutputFormat::Pdf));
    const auto pupils = core::Roster(*m_store).pupilsOfClass(classIdOf("2b"));
    const core::Pupil leaving = pupils.at(3);
    const auto newVersion = importEdited([&](core::RosterSnapshot& s) {
        std::erase_if(s.pupils, [&](const auto& p) { return p.sourcedId == leaving.sourcedId; });
    });
    ASSERT_GT(newVersion, before.cards[0].card.rosterVersion);
    ASSERT_EQ(core::Roster(*m_store).pupil(leaving.sourcedId)->status, core::PupilStatus::StruckOff);

    const auto after = printer.printLessons("test", tpl, {slots.front()}, options(templates::OutputFormat::Pdf));
    EXPECT_EQ(after.cards[0].card.rosterVersion, newVersion);
    EXPECT_EQ(core::CardRegistry(*m_store).find(after.cards[0].card.serial)->rosterVersion, newVersion);
    EXPECT_EQ(after.cards[0].pupilRows, before.cards[0].pupilRows - 1);
    const auto text = test::runCommand("pdftotext '" + after.files[0].string() + "' -").out;
    const auto oldText = test::runCommand("pdftotext '" + before.files[0].string() + "' -").out;
    EXPECT_NE(oldText.find(leaving.familyName + " " + leaving.givenName), std::string::npos);
    EXPECT_EQ(text.find(leaving.familyName + " " + leaving.givenName), std::string::npos);
    EXPECT_NE(text.find(pupils.at(4).familyName + " " + pupils.at(4).givenName), std::string::npos);
}

TEST_F(CardPrinterTest, TooManyPupilsFailsAndRecordsNothing) {
    importEdited([&](core::RosterSnapshot& s) {
        const auto classId = classIdOf("2b");
        for (int i = 0; i < 15; ++i)
            s.pupils.push_back({"extra-" + std::to_string(i), "Nowy", "Uczeń" + std::to_string(i), classId, 60 + i,
                                core::PupilStatus::Active});
    });
    const auto slots = templates::lessonsOf(*m_store, "2b", kMonday, kMonday);
    templates::CardPrinter printer(*m_store, m_key);
    const auto issuedBefore = core::CardRegistry(*m_store).inState(core::CardState::Issued).size();
    try {
        printer.printLessons("test", test::shipped("attendance-a4-v1"), slots, options(templates::OutputFormat::Pdf));
        FAIL() << "a class of more than 40 must not print";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_NE(std::string(e.what()).find("has 40 rows"), std::string::npos) << e.what();
    }
    EXPECT_EQ(core::CardRegistry(*m_store).inState(core::CardState::Issued).size(), issuedBefore);
}

TEST_F(CardPrinterTest, OutageCardsHaveASignedIdentityWithoutLesson) {
    templates::CardPrinter printer(*m_store, m_key);
    const auto tpl = test::shipped("outage-a4-v1");
    const auto job = printer.printOutage("test", tpl, 3, options(templates::OutputFormat::Png));
    ASSERT_EQ(job.cards.size(), 3u);
    for (const auto& c : job.cards) {
        EXPECT_FALSE(c.card.lessonSlotId.has_value());
        const auto codes = test::decodeQrCodes(readPng(c.file, 150));
        ASSERT_EQ(codes.size(), 1u);
        const auto check = core::verifyIdentityPayload(codes[0], m_key, schoolId());
        ASSERT_TRUE(check.valid()) << check.problem;
        EXPECT_FALSE(check.identity->lesson.has_value());
        EXPECT_EQ(check.identity->serial, c.card.serial);
    }
    EXPECT_THROW(printer.printOutage("test", test::shipped("attendance-a4-v1"), 1, options(templates::OutputFormat::Pdf)),
                 Error);
    EXPECT_THROW(printer.printLessons("test", tpl, {}, options(templates::OutputFormat::Pdf)), Error);
}
