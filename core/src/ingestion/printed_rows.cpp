// Rows through the pupil list stored with the card (issue #3): row i is the pupil printed on
// it, whatever the roster says today. A printed pupil who is no longer in the class or group
// is flagged, never mapped; a pupil who joined after printing has no row and is reported.
#include "ingestion/validation_context.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/store.hpp"

#include <set>

namespace scanstation::core {

namespace {

// Active pupils of the lesson's class or group today, by id.
std::map<std::string, Pupil> membersOf(const Roster& roster, const LessonSlot& slot) {
    std::vector<Pupil> list;
    if (slot.isGroup) {
        if (const auto group = roster.groupByCode(slot.classOrGroupCode))
            list = roster.pupilsOfGroup(group->sourcedId);
    } else if (const auto cls = roster.classByCode(slot.classOrGroupCode)) {
        list = roster.pupilsOfClass(cls->sourcedId);
    }
    std::map<std::string, Pupil> members;
    for (auto& p : list)
        members.emplace(p.sourcedId, std::move(p));
    return members;
}

std::string anyFieldOf(int row, const RowFields& fields) {
    if (fields.attendance)
        return fields.attendance->fieldId;
    if (fields.grade)
        return fields.grade->fieldId;
    if (fields.modifier)
        return fields.modifier->fieldId;
    return "row." + std::to_string(row);
}

bool isMarked(const RowFields& f) {
    const auto marked = [](const FieldReading* r) { return r && r->state != FieldState::Nothing; };
    return marked(f.attendance) || marked(f.grade) || marked(f.modifier);
}

std::string nameOf(const Pupil& p) { return p.familyName + " " + p.givenName; }

// Pupils of the lesson today who are not printed on the card (they joined after printing).
void reportJoiners(ValidationContext& ctx, const std::map<std::string, Pupil>& members,
                   const std::set<std::string>& printedIds, const RosterMoves& moves) {
    const auto& slot = *ctx.result.lesson.slot;
    for (const auto& [id, pupil] : members) {
        if (printedIds.count(id))
            continue;
        const auto what = moves.pupils.find(id);
        ctx.add(finding::kPupilNotOnCard, "",
                nameOf(pupil) + " (no. " + std::to_string(pupil.registerNumber) + ") is in " + slot.classOrGroupCode +
                    " but not printed on this card (roster v" + std::to_string(ctx.card->rosterVersion) + "; " +
                    (what == moves.pupils.end() ? std::string("changed since") : what->second) +
                    "): enter the pupil's attendance from the card's margin or by hand");
    }
}

} // namespace

bool checkPrintedRows(ValidationContext& ctx) {
    const auto printed = CardRegistry(ctx.store).rowsOf(ctx.card->serial);
    if (printed.empty())
        return false;
    const auto& slot = *ctx.result.lesson.slot;
    const Roster roster(ctx.store);
    const auto members = membersOf(roster, slot);
    const bool moved = ctx.card->rosterVersion != roster.currentVersion();
    const auto moves = moved ? rosterMovesSince(ctx.store, ctx.card->rosterVersion) : RosterMoves{};
    std::map<int, CardRow> byRow;
    std::set<std::string> printedIds;
    for (const auto& r : printed) {
        byRow.emplace(r.row, r);
        printedIds.insert(r.pupilId);
    }
    bool hasAttendance = false;
    for (const auto& [row, fields] : rowFieldsOf(ctx.reading)) {
        hasAttendance = hasAttendance || fields.attendance;
        const auto at = byRow.find(row);
        if (at == byRow.end()) {
            if (isMarked(fields))
                ctx.add(finding::kRowNotOnRoster, anyFieldOf(row, fields),
                        "row " + std::to_string(row) + " is marked but no pupil was printed on it");
            continue;
        }
        const auto member = members.find(at->second.pupilId);
        if (member == members.end()) {
            const auto pupil = roster.pupil(at->second.pupilId);
            const auto what = moves.pupils.find(at->second.pupilId);
            ctx.add(finding::kRosterChanged, anyFieldOf(row, fields),
                    "row " + std::to_string(row) + " was printed for " + (pupil ? nameOf(*pupil) : at->second.pupilId) +
                        " (no. " + std::to_string(at->second.registerNumber) + "), who is no longer in " +
                        slot.classOrGroupCode + " (" +
                        (what == moves.pupils.end() ? std::string("changed since roster v") +
                                                          std::to_string(ctx.card->rosterVersion)
                                                    : what->second) +
                        "); confirm what this row means");
            continue; // never silently mapped
        }
        checkRowValues(ctx, row, member->second, fields);
    }
    if (moved && hasAttendance && !ctx.result.lesson.notHeld)
        reportJoiners(ctx, members, printedIds, moves);
    return true;
}

} // namespace scanstation::core
