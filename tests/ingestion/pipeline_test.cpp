// The scan pipeline on real cards: cards printed by CardPrinter (rows stored with each card),
// filled by the card filler, recognised, validated and recorded by BatchIngest with originals
// in the encrypted vault, and review crops cut from the stored originals.
#include "ingestion_fixture.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/lesson_records.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/scanner/card_filler.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/ingest/batch_ingest.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/png_file.hpp"
#include "scanstation/scanner/review_crops.hpp"
#include "scanstation/templates/card_printer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <algorithm>
#include <fstream>

namespace scanstation::testing {
namespace {

using namespace core;
using scanner::PenStroke;

class PipelineTest : public IngestionTest {
protected:
    void SetUp() override {
        IngestionTest::SetUp();
        m_templates = templates::loadTemplateDir(templates::shippedTemplateDir());
        m_key = loadOrCreateStationKey(m_store->dataDir());
        std::array<std::uint8_t, SecretKey::kSize> bytes{};
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<std::uint8_t>(3 * i + 1);
        m_dataKey = SecretKey(bytes);
        scanner::RecognizerConfig config;
        config.templates = m_templates;
        config.verifyIdentity = scanner::stationIdentityVerifier(*m_key, Roster(*m_store).school()->sourcedId);
        m_recognizer = std::make_unique<scanner::Recognizer>(std::move(config));
        m_filler = std::make_unique<scanner::CardFiller>(m_templates);
    }

    // Prints one card for the first lesson of `classCode` (rows stored with it).
    Card print(const std::string& classCode, const std::string& templateId = "attendance-a4-v1") {
        templates::CardPrinter printer(*m_store, *m_key);
        const auto tpl = m_filler->templateById(templateId);
        templates::PrintOptions options;
        options.outDir = m_dir / "printed";
        return printer.printLessons(kAdmin, tpl, {firstLessonOf(classCode)}, options).cards.at(0).card;
    }

    // Scans a filled card through BatchIngest (original kept as PNG bytes).
    scanner::PageReport scan(const Card& card, const std::vector<scanner::PenMark>& marks,
                             scanner::FillOptions options = {}) {
        options.dpi = 150;
        scanner::Page page;
        page.source = "filled-" + card.serial + ".png";
        page.image = m_filler->fillIssued(*m_store, *m_key, card.serial, marks, options);
        const auto png = scanner::encodePng(page.image.view());
        scanner::BatchIngest batch(*m_store, *m_recognizer, kAdmin, m_dataKey);
        return batch.ingest(page, png, ".png");
    }

    // "code@field" of the card's open review items.
    std::vector<std::string> openCodes(const std::string& serial) {
        std::vector<std::string> out;
        for (const auto& i : ReviewQueue(*m_store).list(kAdmin, {true, serial}))
            out.push_back(i.code + "@" + i.fieldId);
        return out;
    }

    std::vector<CardTemplate> m_templates;
    std::optional<StationKey> m_key;
    SecretKey m_dataKey;
    std::unique_ptr<scanner::Recognizer> m_recognizer;
    std::unique_ptr<scanner::CardFiller> m_filler;
};

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += x + " ";
    return s;
}

TEST_F(PipelineTest, FilledCardIsReadAsMarkedAndEveryPupilGetsAValue) {
    const auto card = print("2b");
    const auto pupils = pupilsOf("2b");
    auto marks = scanner::topicMarks(42);
    marks.push_back(scanner::attendanceMark(3, "nb"));
    marks.push_back(scanner::attendanceMark(5, "sp", PenStroke::Tick));
    marks.push_back(scanner::attendanceMark(8, "nb", PenStroke::Cancelled)); // cancelled, then u
    marks.push_back(scanner::attendanceMark(8, "u"));
    const auto report = scan(card, marks);
    ASSERT_EQ(report.result.outcome, IngestOutcome::Accepted) << joined(openCodes(card.serial));
    const auto slot = *card.lessonSlotId;
    LessonRecords records(*m_store);
    EXPECT_EQ(records.attendance(slot, pupils[2].sourcedId).value_or(""), "nb");
    EXPECT_EQ(records.attendance(slot, pupils[4].sourcedId).value_or(""), "sp");
    EXPECT_EQ(records.attendance(slot, pupils[7].sourcedId).value_or(""), "u");
    EXPECT_EQ(records.attendance(slot, pupils[0].sourcedId).value_or(""), "ob");
    EXPECT_EQ(records.forCard(card.serial)->topicNumber.value_or(""), "042");
}

TEST_F(PipelineTest, FilledGradeCardGivesGradesWithTheCategoryAndWeightMarkedInItsHeader) {
    const auto card = print("2b", "grade-a4-v1");
    const auto pupils = pupilsOf("2b");
    std::vector<scanner::PenMark> marks{{"header.grade.category", "sprawdzian"}, {"header.grade.weight", "3"},
                                        {"header.grade.counts", "yes"}};
    for (const auto& m : scanner::gradeMarks(1, "4+"))
        marks.push_back(m);
    for (const auto& m : scanner::gradeMarks(2, "np"))
        marks.push_back(m);
    const auto report = scan(card, marks);
    ASSERT_EQ(report.result.outcome, IngestOutcome::Accepted) << joined(openCodes(card.serial));
    const auto record = LessonRecords(*m_store).forCard(card.serial);
    ASSERT_TRUE(record);
    ASSERT_EQ(record->grades.size(), 2u);
    EXPECT_EQ(record->grades[0].pupilId, pupils[0].sourcedId);
    EXPECT_EQ(record->grades[0].value, "4+");
    EXPECT_EQ(record->grades[0].category, "sprawdzian");
    EXPECT_EQ(record->grades[0].weight, 3);
    EXPECT_EQ(record->grades[1].value, "np");
}

TEST_F(PipelineTest, TwoMarksInARowAndAFaintMarkGoToReviewWithTheirCrops) {
    const auto card = print("2b");
    const auto report = scan(card, {scanner::attendanceMark(4, "nb"), scanner::attendanceMark(4, "u"),
                                    scanner::attendanceMark(9, "zw", PenStroke::Faint)});
    ASSERT_EQ(report.result.outcome, IngestOutcome::NeedsReview);
    const auto codes = joined(openCodes(card.serial));
    EXPECT_NE(codes.find("flagged_field@row.04.attendance"), std::string::npos) << codes;
    EXPECT_NE(codes.find("flagged_field@row.09.attendance"), std::string::npos) << codes;

    // The crop of row 4, cut from the vault's original, shows the two marks and blank bubbles.
    const scanner::PageImageStore images(*m_store, m_dataKey);
    const auto& tpl = m_filler->templateById("attendance-a4-v1");
    const auto crops = scanner::cropStoredPage(images, report.pageHash, tpl, {"row.04.attendance", "row.09.attendance"});
    ASSERT_TRUE(crops.problem.empty()) << crops.problem;
    ASSERT_EQ(crops.crops.size(), 2u);
    const auto& crop = crops.crops[0];
    EXPECT_EQ(crop.fieldId, "row.04.attendance");
    const auto* field = tpl.findField("row.04.attendance");
    const auto grey = [&](const std::string& value) {
        const auto& o = *std::find_if(field->options.begin(), field->options.end(),
                                      [&](const auto& b) { return b.value == value; });
        const int x = static_cast<int>((o.centre.x - crop.regionMm.x) * 8), y = static_cast<int>((o.centre.y - crop.regionMm.y) * 8);
        return static_cast<int>(crop.image.data()[static_cast<std::size_t>(y) * crop.image.width() + x]);
    };
    EXPECT_LT(grey("nb"), 110);
    EXPECT_LT(grey("u"), 110);
    EXPECT_GT(grey("sp"), 170);
    const auto files = scanner::writeCrops(crops.crops, m_dir / "crops", card.serial + "-");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_TRUE(std::filesystem::file_size(files[0]) > 100);
}

TEST_F(PipelineTest, TornAndForeignCardsAreNotRecordedAsLessons) {
    const auto torn = print("2b");
    scanner::FillOptions tear;
    tear.fault = scanner::PageFault::TornCorner;
    EXPECT_EQ(scan(torn, {scanner::attendanceMark(2, "nb")}, tear).result.outcome, IngestOutcome::NotACard);
    EXPECT_FALSE(LessonRecords(*m_store).forCard(torn.serial));
    EXPECT_THROW(m_filler->fillIssued(*m_store, *m_key, torn.serial, {{"row.02.attendance", "xx"}}), Error);
    EXPECT_THROW(m_filler->fillIssued(*m_store, *m_key, torn.serial, {{"row.99.attendance", "nb"}}), Error);
}

TEST_F(PipelineTest, RowsMapToThePupilsPrintedOnThemAfterTheRosterChanged) {
    const auto card = print("2b");
    const auto printed = pupilsOf("2b");
    ASSERT_EQ(CardRegistry(*m_store).rowsOf(card.serial).size(), printed.size());
    // Roster v2: a joiner "Aaaa" takes register number 1 (everyone else moves down one) and
    // the pupil printed on row 6 moves to class 2a.
    auto school = makeDemoSchool();
    const auto cls = Roster(*m_store).classByCode("2b")->sourcedId;
    const auto cls2a = Roster(*m_store).classByCode("2a")->sourcedId;
    const auto leaver = printed[5].sourcedId;
    for (auto& p : school.roster.pupils) {
        if (p.sourcedId == leaver) {
            p.classId = cls2a;
            p.registerNumber = 90;
        } else if (p.classId == cls) {
            ++p.registerNumber;
        }
    }
    school.roster.pupils.push_back(Pupil{"p-joiner", "Ada", "Aaaa", cls, 1, PupilStatus::Active});
    writeSimpleRosterCsv(school.roster, m_dir / "roster-v2.csv");
    const auto import = importRoster(*m_store, kAdmin, m_dir / "roster-v2.csv");
    ASSERT_TRUE(import.ok() && import.changed) << (import.problems.empty() ? "" : import.problems.front().reason);
    ASSERT_EQ(pupilsOf("2b").front().sourcedId, "p-joiner");

    const auto report = scan(card, {scanner::attendanceMark(3, "nb"), scanner::attendanceMark(6, "nb"),
                                    scanner::attendanceMark(10, "sp")});
    EXPECT_EQ(report.result.outcome, IngestOutcome::NeedsReview);
    const auto codes = joined(openCodes(card.serial));
    // Row 6's pupil left the class: flagged, never mapped. The joiner has no row: reported.
    EXPECT_NE(codes.find("roster_changed@row.06.attendance"), std::string::npos) << codes;
    EXPECT_NE(codes.find("pupil_not_on_card@"), std::string::npos) << codes;
    // Renumbered pupils keep their printed rows: no finding on rows 3 and 10.
    EXPECT_EQ(codes.find("@row.03."), std::string::npos) << codes;
    EXPECT_EQ(codes.find("@row.10."), std::string::npos) << codes;
    // Settle the two findings; the rows land on the pupils printed on them.
    ReviewQueue queue(*m_store);
    for (const auto& item : queue.list(kAdmin, {true, card.serial}))
        queue.resolve(kAdmin, item.id, item.code == finding::kRosterChanged ? std::optional<std::string>("")
                                                                              : std::nullopt,
                      "checked with the class teacher");
    const auto slot = *card.lessonSlotId;
    LessonRecords records(*m_store);
    EXPECT_EQ(records.attendance(slot, printed[2].sourcedId).value_or(""), "nb");
    EXPECT_EQ(records.attendance(slot, printed[9].sourcedId).value_or(""), "sp");
    EXPECT_EQ(records.attendance(slot, printed[3].sourcedId).value_or(""), "ob");
    EXPECT_FALSE(records.attendance(slot, leaver));
    EXPECT_FALSE(records.attendance(slot, "p-joiner"));
}

TEST_F(PipelineTest, OriginalsAreEncryptedInTheVaultAndFoundAgainByTheirHash) {
    const auto card = print("2b");
    const auto report = scan(card, {scanner::attendanceMark(2, "nb")});
    const scanner::PageImageStore images(*m_store, m_dataKey);
    const auto original = images.read(report.pageHash);
    ASSERT_TRUE(original);
    EXPECT_EQ(scanner::PageImageStore::hashOf(original->bytes), report.pageHash);
    EXPECT_EQ(original->extension, ".png");
    const auto where = images.locate(report.pageHash);
    ASSERT_TRUE(where);
    std::ifstream in(where->file, std::ios::binary);
    const std::string onDisk((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(onDisk.rfind("SSVAULT1", 0), 0u);
    EXPECT_EQ(onDisk.find(original->bytes.substr(0, 64)), std::string::npos); // not the plain PNG
    EXPECT_FALSE(std::filesystem::exists(m_store->dataDir() / "images"));
    // Another key cannot read it.
    std::array<std::uint8_t, SecretKey::kSize> other{};
    other.fill(9);
    EXPECT_THROW(scanner::PageImageStore(*m_store, SecretKey(other)).read(report.pageHash), Error);
}

TEST_F(PipelineTest, PlainOriginalsOfAnOlderStoreAreRefusedThenMovedIntoTheVault) {
    // An older store: a plain original under images/ and its row.
    const auto card = print("2b");
    scanner::Page page;
    page.image = m_filler->fillIssued(*m_store, *m_key, card.serial, {scanner::attendanceMark(2, "nb")}, {150});
    const auto png = scanner::encodePng(page.image.view());
    const auto hash = scanner::PageImageStore::hashOf(png);
    const auto relative = "images/" + hash.substr(0, 2) + "/" + hash + ".png";
    std::filesystem::create_directories((m_store->dataDir() / relative).parent_path());
    std::ofstream(m_store->dataDir() / relative, std::ios::binary) << png;
    sql("INSERT INTO page_images (hash, relative_path, bytes, stored_at_ms) VALUES ('" + hash + "', '" + relative +
        "', " + std::to_string(png.size()) + ", 0)");
    scanner::PageImageStore images(*m_store, m_dataKey);
    try {
        images.read(hash);
        FAIL() << "a plain original was read as it is";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_NE(std::string(e.what()).find(relative), std::string::npos) << e.what();
    }
    // A plain file changed since it was stored is refused, and nothing moves.
    std::ofstream(m_store->dataDir() / relative, std::ios::binary | std::ios::app) << "x";
    EXPECT_THROW(images.migratePlainOriginals(kAdmin), Error);
    std::ofstream(m_store->dataDir() / relative, std::ios::binary | std::ios::trunc) << png;
    // The next batch moves it into the vault first (audited), and the page reads again.
    const auto other = print("2b");
    scan(other, {});
    EXPECT_FALSE(std::filesystem::exists(m_store->dataDir() / relative));
    const auto moved = images.read(hash);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->bytes, png);
    AuditQuery query;
    query.actionPrefix = "page_image.vault";
    EXPECT_EQ(AuditLog(*m_store).list(query).size(), 1u);
}

} // namespace
} // namespace scanstation::testing
