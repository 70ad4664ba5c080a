// The review flow and its permission matrix (DOMAIN.md "People and their rights").
#include "ingestion_fixture.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/lesson_records.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/review_queue.hpp"

namespace scanstation::testing {
namespace {

using namespace core;

class ReviewTest : public IngestionTest {
protected:
    // A 2b lesson taught by `teacherId`, a card for it and one flagged attendance field.
    std::pair<Card, ReviewItem> flaggedCardOf(const std::string& teacherId) {
        std::optional<LessonSlot> slot;
        for (const auto& s : Timetable(*m_store).between(*Date::parse("2026-11-23"), *Date::parse("2026-11-27")))
            if (!s.isGroup && s.teacherId == teacherId && !slot)
                slot = s;
        if (!slot)
            throw Error(ErrorKind::NotFound, "no lesson of " + teacherId);
        const auto card = issue(slot->id);
        const int rows = static_cast<int>(pupilsOf(slot->classOrGroupCode).size());
        const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"row.02.attendance", "?two marks"}}, rows));
        EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
        return {card, ReviewQueue(*m_store).list(kAdmin, {true, card.serial}).front()};
    }
};

TEST_F(ReviewTest, ResolvingRecordsValueWhoAndWhyThenAcceptsTheCard) {
    auto [card, item] = flaggedCardOf("T03"); // gsikora's lesson
    EXPECT_EQ(item.code, "flagged_field");
    ASSERT_TRUE(item.field);
    EXPECT_EQ(item.field->reason, "two marks");
    ReviewQueue queue(*m_store);
    EXPECT_THROW(queue.resolve("gsikora", item.id, std::string("nb"), ""), Error); // why is required
    const auto out = queue.resolve("gsikora", item.id, std::string("nb"), "the pupil was absent, I remember");
    EXPECT_EQ(out.cardState, "queued");
    ReviewFilter all;
    all.openOnly = false;
    all.serial = card.serial;
    const auto done = queue.list(kAdmin, all).front();
    EXPECT_EQ(done.state, ReviewState::Resolved);
    EXPECT_EQ(done.chosenValue.value_or(""), "nb");
    EXPECT_EQ(done.decidedBy.value_or(""), "gsikora");
    EXPECT_EQ(done.decidedWhy, "the pupil was absent, I remember");
    EXPECT_EQ(LessonRecords(*m_store).forCard(card.serial)->attendance[1].code, "nb");
    AuditQuery q;
    q.actionPrefix = "review.";
    EXPECT_EQ(AuditLog(*m_store).list(q).size(), 1u);
}

TEST_F(ReviewTest, TeacherResolvesOnlyOwnLessons) {
    auto [card, item] = flaggedCardOf("T03");
    ReviewQueue queue(*m_store);
    EXPECT_THROW(queue.resolve("abaran", item.id, std::string("nb"), "not mine"), Error);
    EXPECT_THROW(queue.reject("abaran", card.serial, "not mine"), Error);
    EXPECT_TRUE(queue.list("abaran").empty());     // sees only own lessons
    EXPECT_EQ(queue.list("gsikora").size(), 1u);
}

TEST_F(ReviewTest, SecretariatNeverChangesAValue) {
    auto [card, item] = flaggedCardOf("T03");
    ReviewQueue queue(*m_store);
    try {
        queue.resolve(kSecretariat, item.id, std::string("nb"), "looks like nb");
        FAIL() << "the secretariat changed an attendance value";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied);
    }
    EXPECT_THROW(queue.resolve(kSecretariat, item.id, std::nullopt, "as read"), Error);
    EXPECT_THROW(queue.reject(kSecretariat, card.serial, "smudged"), Error);
    EXPECT_EQ(queue.list(kSecretariat).size(), 1u); // may see the queue to file the paper
}

TEST_F(ReviewTest, InspectorReadsOnly) {
    auto [card, item] = flaggedCardOf("T03");
    ReviewQueue queue(*m_store);
    EXPECT_EQ(queue.list(kInspector).size(), 1u);
    EXPECT_EQ(queue.show(kInspector, card.serial).items.size(), 1u);
    EXPECT_THROW(queue.resolve(kInspector, item.id, std::string("nb"), "x"), Error);
    EXPECT_THROW(queue.reject(kInspector, card.serial, "x"), Error);
}

TEST_F(ReviewTest, KioskCorrectsAFieldByItsId) {
    auto [card, item] = flaggedCardOf("T03");
    ReviewQueue queue(*m_store);
    EXPECT_THROW(queue.resolveField("gsikora", card.serial, "row.09.attendance", std::string("nb"), "x"), Error);
    EXPECT_EQ(queue.resolveField("gsikora", card.serial, "row.02.attendance", std::string("sp"), "came late").cardState,
              "queued");
    EXPECT_EQ(LessonRecords(*m_store).forCard(card.serial)->attendance[1].code, "sp");
}

TEST_F(ReviewTest, AdministratorReconcilesAnything) {
    auto [card, item] = flaggedCardOf("T01");
    const auto out = ReviewQueue(*m_store).resolve(kAdmin, item.id, std::string(""), "no mark meant, checked paper");
    EXPECT_EQ(out.cardState, "queued");
    EXPECT_EQ(LessonRecords(*m_store).forCard(card.serial)->attendance[1].code, "ob");
}

TEST_F(ReviewTest, RejectingACardRecordsWhyAndClosesItsItems) {
    auto [card, item] = flaggedCardOf("T03");
    ReviewQueue queue(*m_store);
    EXPECT_THROW(queue.reject("gsikora", card.serial, ""), Error);
    queue.reject("gsikora", card.serial, "coffee on the card, I will fill a new one");
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Rejected);
    EXPECT_TRUE(queue.list(kAdmin, {true, card.serial}).empty());
    const auto history = CardRegistry(*m_store).history(card.serial);
    EXPECT_EQ(history.back().reason, "coffee on the card, I will fill a new one");
    EXPECT_EQ(history.back().actor, "gsikora");
}

TEST_F(ReviewTest, ShowGivesTheReadingWithMeasurementsAndItems) {
    auto [card, item] = flaggedCardOf("T03");
    const auto view = ReviewQueue(*m_store).show("gsikora", card.serial);
    EXPECT_EQ(view.state, "needs_review");
    ASSERT_TRUE(view.lesson);
    EXPECT_EQ(view.lesson->teacherId, "T03");
    EXPECT_FALSE(view.reading.fields.empty());
    EXPECT_EQ(view.items.size(), 1u);
    EXPECT_THROW(ReviewQueue(*m_store).show("abaran", card.serial), Error);
}

} // namespace
} // namespace scanstation::testing
