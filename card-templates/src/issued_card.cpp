#include "scanstation/templates/issued_card.hpp"

#include "lesson_card_content.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"

namespace scanstation::templates {
namespace {

// Rows as printed: from the stored row list; a card issued before the list was stored
// (schema < 6) had the class's active pupils at print time, which today's roster approximates.
std::vector<PrintedRow> rowsOf(core::Store& store, const core::Roster& roster, const core::CardTemplate& tpl,
                               const core::LessonSlot& slot, const std::string& serial) {
    const auto stored = core::CardRegistry(store).rowsOf(serial);
    if (stored.empty())
        return detail::lessonCardData(roster, tpl, slot).content.rows;
    std::vector<PrintedRow> rows;
    for (const auto& r : stored) {
        auto pupil = roster.pupil(r.pupilId);
        if (!pupil) // no longer in the roster at all: print what the card knew
            pupil = core::Pupil{r.pupilId, "", r.pupilId, "", r.registerNumber, core::PupilStatus::Active};
        pupil->registerNumber = r.registerNumber; // as printed, not as renumbered since
        rows.push_back(detail::printedRow(roster, slot, r.row - 1, *pupil));
    }
    return rows;
}

} // namespace

CardContent issuedCardContent(core::Store& store, const core::StationKey& key, const core::CardTemplate& tpl,
                              const std::string& serial) {
    const auto card = core::CardRegistry(store).find(serial);
    if (!card)
        throw Error(ErrorKind::NotFound, "no card with serial " + serial);
    if (card->templateId != tpl.id || card->templateVersion != tpl.version)
        throw Error(ErrorKind::BadInput, "card " + serial + " was printed from " + card->templateId + " v" +
                                             std::to_string(card->templateVersion) + ", not " + tpl.id + " v" +
                                             std::to_string(tpl.version));
    const core::Roster roster(store);
    const auto school = roster.school();
    if (!school || school->sourcedId.empty())
        throw Error(ErrorKind::Conflict, "the roster names no school");
    if (!card->lessonSlotId)
        return detail::outageContent(*card, tpl, school->sourcedId, key);
    const auto slot = core::Timetable(store).slot(*card->lessonSlotId);
    if (!slot)
        throw Error(ErrorKind::NotFound, "card " + serial + ": no lesson slot " + std::to_string(*card->lessonSlotId));
    CardContent content = detail::lessonHeader(roster, tpl, *slot);
    content.rows = rowsOf(store, roster, tpl, *slot, serial);
    detail::signLessonContent(content, *card, tpl, school->sourcedId, *slot, key);
    return content;
}

} // namespace scanstation::templates
