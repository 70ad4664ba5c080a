#include "lesson_card_content.hpp"

#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/error.hpp"

#include <algorithm>

namespace scanstation::templates::detail {
namespace {

const char* polishWeekday(int isoWeekday) {
    static const char* kNames[] = {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"};
    return kNames[std::clamp(isoWeekday, 1, 7) - 1];
}

std::string subjectName(const core::Roster& roster, const std::string& code) {
    for (const auto& s : roster.subjects())
        if (s.code == code)
            return s.name;
    return code;
}

std::string teacherName(const core::Roster& roster, const std::string& id) {
    for (const auto& t : roster.teachers())
        if (t.sourcedId == id)
            return t.givenName + " " + t.familyName;
    return id;
}

std::vector<core::Pupil> pupilsOf(const core::Roster& roster, const core::LessonSlot& slot) {
    if (slot.isGroup) {
        const auto group = roster.groupByCode(slot.classOrGroupCode);
        if (!group)
            throw Error(ErrorKind::NotFound, "the roster has no group \"" + slot.classOrGroupCode + "\"");
        return roster.pupilsOfGroup(group->sourcedId);
    }
    const auto cls = roster.classByCode(slot.classOrGroupCode);
    if (!cls)
        throw Error(ErrorKind::NotFound, "the roster has no class \"" + slot.classOrGroupCode + "\"");
    return roster.pupilsOfClass(cls->sourcedId); // active pupils only: struck-off ones are not printed
}

std::string classCodeOf(const core::Roster& roster, const std::string& classId) {
    for (const auto& c : roster.classes())
        if (c.sourcedId == classId)
            return c.code;
    return classId;
}

} // namespace

LessonCardData lessonCardData(const core::Roster& roster, const core::CardTemplate& tpl, const core::LessonSlot& slot) {
    LessonCardData data;
    data.pupils = pupilsOf(roster, slot);
    if (static_cast<int>(data.pupils.size()) > tpl.rowCount)
        throw Error(ErrorKind::Conflict, (slot.isGroup ? "group " : "class ") + slot.classOrGroupCode + " has " +
                                             std::to_string(data.pupils.size()) + " active pupils; template " + tpl.id +
                                             " has " + std::to_string(tpl.rowCount) + " rows");
    data.content = lessonHeader(roster, tpl, slot);
    for (std::size_t i = 0; i < data.pupils.size(); ++i)
        data.content.rows.push_back(printedRow(roster, slot, static_cast<int>(i), data.pupils[i]));
    return data;
}

CardContent lessonHeader(const core::Roster& roster, const core::CardTemplate& tpl, const core::LessonSlot& slot) {
    CardContent c;
    c.title = tpl.title + " · " + slot.classOrGroupCode;
    c.headerLines.push_back(subjectName(roster, slot.subjectCode) + " · " + polishWeekday(slot.date.weekday()) + " " +
                            slot.date.toString() + " · lekcja " + std::to_string(slot.lessonNumber) + " · " +
                            teacherName(roster, slot.teacherId));
    return c;
}

PrintedRow printedRow(const core::Roster& roster, const core::LessonSlot& slot, int row, const core::Pupil& p) {
    std::string name = p.familyName + " " + p.givenName;
    if (slot.isGroup)
        name += " (" + classCodeOf(roster, p.classId) + ")"; // register numbers repeat across classes
    return {row, std::to_string(p.registerNumber), name};
}

std::vector<core::CardRow> cardRowsOf(const LessonCardData& data) {
    std::vector<core::CardRow> rows;
    for (std::size_t i = 0; i < data.pupils.size(); ++i)
        rows.push_back({static_cast<int>(i) + 1, data.pupils[i].sourcedId, data.pupils[i].registerNumber});
    return rows;
}

void signLessonContent(CardContent& content, const core::Card& card, const core::CardTemplate& tpl,
                       const std::string& school, const core::LessonSlot& slot, const core::StationKey& key) {
    const core::CardIdentity id{card.serial, tpl.id, tpl.version, school,
                                core::LessonIdentity{slot.classOrGroupCode, slot.date, slot.lessonNumber,
                                                     slot.subjectCode, slot.teacherId},
                                card.rosterVersion};
    content.identityPayload = core::encodeIdentityPayload(id, key);
    content.serial = card.serial;
    content.headerLines.back() += " · lista v" + std::to_string(card.rosterVersion);
}

CardContent outageContent(const core::Card& card, const core::CardTemplate& tpl, const std::string& school,
                          const core::StationKey& key) {
    CardContent content;
    const core::CardIdentity id{card.serial, tpl.id, tpl.version, school, std::nullopt, card.rosterVersion};
    content.identityPayload = core::encodeIdentityPayload(id, key);
    content.serial = card.serial;
    content.headerLines = {"Zaznacz kody klasy, daty, lekcji, przedmiotu i nauczyciela · lista v" +
                           std::to_string(card.rosterVersion)};
    content.rows = registerNumberRows(tpl);
    return content;
}

} // namespace scanstation::templates::detail
