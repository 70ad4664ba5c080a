#include "scanstation/scanner/ingest/reading_conversion.hpp"

#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "scanstation/scanner/recognizer.hpp"

namespace scanstation::scanner {

namespace {

core::PageStatus statusOf(PageStatus s) {
    switch (s) {
    case PageStatus::Read: return core::PageStatus::Read;
    case PageStatus::NeedsReview: return core::PageStatus::NeedsReview;
    case PageStatus::Unreadable: return core::PageStatus::Unreadable;
    case PageStatus::NotACard: return core::PageStatus::NotACard;
    case PageStatus::Blank: return core::PageStatus::Blank;
    }
    return core::PageStatus::Unreadable;
}

core::FieldReading fieldOf(const FieldReading& f) {
    core::FieldReading out;
    out.fieldId = f.fieldId;
    out.values = f.values;
    out.confidence = f.confidence;
    if (f.flagged) {
        out.state = core::FieldState::Flagged;
        out.reason = (f.reason ? toString(*f.reason) : std::string("flagged")) +
                     (f.reasonDetail.empty() ? "" : ": " + f.reasonDetail);
    } else {
        out.state = f.values.empty() ? core::FieldState::Nothing : core::FieldState::Value;
    }
    return out;
}

// The identity as recognition verified it; the lesson it names is looked up in the timetable.
// A lesson the timetable does not know gets slot id -1, which no issued card has, so the
// card is rejected as "code names another lesson" rather than silently matched.
std::optional<core::CardIdentityReading> identityOf(core::Store& store, const IdentityReading& card) {
    if (!card.parsed || card.serial.empty())
        return std::nullopt;
    core::CardIdentityReading id;
    id.serial = card.serial;
    id.templateId = card.templateId;
    id.templateVersion = card.templateVersion;
    id.signatureValid = card.signatureValid;
    const auto parsed = core::parseIdentityPayload(card.payload);
    if (parsed.identity) {
        id.rosterVersion = parsed.identity->rosterVersion;
        if (const auto& lesson = parsed.identity->lesson) {
            const auto slot = core::Timetable(store).find(lesson->date, lesson->lessonNumber, lesson->classOrGroup);
            id.lessonSlotId = slot ? slot->id : -1;
        }
    }
    return id;
}

} // namespace

core::CardReading toCardReading(core::Store& store, const PageRecognition& recognition, const std::string& source,
                                int pageNumber, const std::string& pageHash) {
    core::CardReading r;
    r.pageHash = pageHash;
    r.source = source;
    r.pageNumber = pageNumber;
    r.status = statusOf(recognition.status);
    if (recognition.card)
        r.card = identityOf(store, *recognition.card);
    for (const auto& f : recognition.fields)
        r.fields.push_back(fieldOf(f));
    for (const auto& i : recognition.issues)
        r.issues.push_back(core::ReadingIssue{i.code, i.field, i.message});
    if (recognition.card && !recognition.card->problem.empty())
        r.issues.push_back(core::ReadingIssue{"identity", "", recognition.card->problem});
    r.measurements = toJsonLine(recognition, source, pageNumber, true);
    if (recognition.cardToPage)
        r.frame = core::CardFrame{*recognition.cardToPage, recognition.rotationDegrees};
    return r;
}

} // namespace scanstation::scanner
