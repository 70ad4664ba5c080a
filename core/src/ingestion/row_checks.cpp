// Per-row checks: every marked row belongs to a pupil of the class on that date; rows whose
// pupil changed since the card was printed are flagged; attendance codes and grades are valid.
#include "ingestion/validation_context.hpp"
#include "scanstation/core/lesson_card_fields.hpp"
#include "scanstation/core/store.hpp"

#include <algorithm>

namespace scanstation::core {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool isPupilChange(RosterChangeKind kind) {
    switch (kind) {
    case RosterChangeKind::Joined:
    case RosterChangeKind::Transferred:
    case RosterChangeKind::Renumbered:
    case RosterChangeKind::Renamed:
    case RosterChangeKind::StruckOff:
    case RosterChangeKind::Reinstated: return true;
    default: return false;
    }
}

bool isMarked(const FieldReading* f) {
    return f && f->state != FieldState::Nothing;
}

// The row's grade with its + or - modifier ("4+"). A flagged part is reported by the flagged
// field check; a modifier without a grade, or on 0 or np, is an invalid grade.
void checkGradeRow(ValidationContext& ctx, int row, const Pupil* pupil, const RowFields& fields) {
    const auto* g = fields.grade;
    const auto* m = fields.modifier;
    if ((g && g->state == FieldState::Flagged) || (m && m->state == FieldState::Flagged))
        return;
    const bool hasGrade = g && g->state == FieldState::Value;
    const bool hasModifier = m && m->state == FieldState::Value;
    if (!hasGrade && !hasModifier)
        return;
    const std::string fieldId = g ? g->fieldId : m->fieldId;
    const std::string value = (hasGrade ? g->joined() : "") + (hasModifier ? m->joined() : "");
    if (!hasGrade || (g->values.size() != 1) || !contains(ctx.rules.gradeValues, value)) {
        ctx.add(finding::kGradeInvalid, fieldId,
                rowLabel(row, pupil) + ": '" + value + "' is not a grade" +
                    (hasGrade ? "" : " (a + or - without a grade)"));
        return;
    }
    GradeEntry entry{fieldId, row, pupil->sourcedId, value, "", 1, true};
    entry.countsInAverage = !contains(ctx.rules.notInAverage, value);
    ctx.result.lesson.grades.push_back(entry);
}

} // namespace

std::map<int, Pupil> rowPupils(Store& store, const LessonSlot& slot) {
    Roster roster(store);
    std::vector<Pupil> ordered;
    if (slot.isGroup) {
        if (const auto group = roster.groupByCode(slot.classOrGroupCode))
            ordered = roster.pupilsOfGroup(group->sourcedId);
    } else if (const auto cls = roster.classByCode(slot.classOrGroupCode)) {
        ordered = roster.pupilsOfClass(cls->sourcedId);
    }
    std::map<int, Pupil> rows;
    int row = 1;
    for (auto& p : ordered)
        rows.emplace(row++, std::move(p));
    return rows;
}

RosterMoves rosterMovesSince(Store& store, std::int64_t sinceVersion) {
    Roster roster(store);
    RosterMoves moves;
    for (auto v = sinceVersion + 1; v <= roster.currentVersion(); ++v) {
        const auto version = roster.version(v);
        if (!version)
            continue;
        for (const auto& c : version->changes) {
            const std::string what = toString(c.kind) + (c.details.empty() ? "" : " " + c.details) + " (roster v" +
                                     std::to_string(v) + ")";
            if (c.kind == RosterChangeKind::GroupChanged) {
                moves.groups[c.subjectId] += (moves.groups[c.subjectId].empty() ? "" : "; ") + what;
            } else if (isPupilChange(c.kind)) {
                moves.pupils[c.subjectId] += (moves.pupils[c.subjectId].empty() ? "" : "; ") + what;
                moves.shiftsRows[c.subjectId] = moves.shiftsRows[c.subjectId] || c.kind != RosterChangeKind::Renamed;
            }
        }
    }
    return moves;
}

std::optional<std::pair<int, std::string>> firstShiftedRow(Store& store, const LessonSlot& slot,
                                                           const std::map<int, Pupil>& rows, const RosterMoves& moves) {
    Roster roster(store);
    if (slot.isGroup) {
        const auto group = roster.groupByCode(slot.classOrGroupCode);
        if (group && moves.groups.count(group->sourcedId))
            return std::make_pair(1, "group " + slot.classOrGroupCode + " " + moves.groups.at(group->sourcedId));
    }
    const auto cls = slot.isGroup ? std::nullopt : roster.classByCode(slot.classOrGroupCode);
    std::optional<std::pair<int, std::string>> first;
    const auto consider = [&](int row, const std::string& why) {
        if (!first || row < first->first)
            first = std::make_pair(row, why);
    };
    for (const auto& [id, what] : moves.pupils) {
        if (!moves.shiftsRows.at(id))
            continue;
        const auto pupil = roster.pupil(id);
        const bool inLesson = std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.second.sourcedId == id; });
        if (cls && pupil && pupil->classId == cls->sourcedId) {
            // Where the pupil stands (or stood) among the class's active pupils by number.
            int row = 1;
            for (const auto& [r, p] : rows)
                if (p.registerNumber < pupil->registerNumber)
                    row = r + 1;
            consider(row, pupil->familyName + " " + pupil->givenName + " " + what);
        } else if (cls && what.find(cls->code) != std::string::npos) {
            consider(1, "a pupil " + what); // left this class: where is unknown, so every row
        } else if (slot.isGroup && inLesson) {
            for (const auto& [r, p] : rows)
                if (p.sourcedId == id)
                    consider(r, p.familyName + " " + p.givenName + " " + what);
        }
    }
    return first;
}

std::string rowLabel(int row, const Pupil* pupil) {
    std::string label = "row " + std::to_string(row);
    if (pupil)
        label += " (" + pupil->familyName + " " + pupil->givenName + ")";
    return label;
}

void checkRows(ValidationContext& ctx) {
    if (checkPrintedRows(ctx))
        return;
    // A card issued before its rows were stored (schema < 6): row i is the i-th active pupil
    // today, and every row from the first the roster may have moved is flagged.
    const auto& slot = *ctx.result.lesson.slot;
    const auto pupils = rowPupils(ctx.store, slot);
    const bool rosterMoved = ctx.card->rosterVersion != Roster(ctx.store).currentVersion();
    const auto moves = rosterMoved ? rosterMovesSince(ctx.store, ctx.card->rosterVersion) : RosterMoves{};
    const auto shifted = rosterMoved ? firstShiftedRow(ctx.store, slot, pupils, moves) : std::nullopt;
    const std::string where = slot.classOrGroupCode + " on " + slot.date.toString();
    for (const auto& [row, fields] : rowFieldsOf(ctx.reading)) {
        const auto it = pupils.find(row);
        const Pupil* pupil = it == pupils.end() ? nullptr : &it->second;
        const std::string anyField = fields.attendance ? fields.attendance->fieldId
                                     : fields.grade  ? fields.grade->fieldId
                                     : fields.modifier ? fields.modifier->fieldId
                                                       : "row." + std::to_string(row);
        const bool marked = isMarked(fields.attendance) || isMarked(fields.grade) || isMarked(fields.modifier);
        const auto own = pupil ? moves.pupils.find(pupil->sourcedId) : moves.pupils.end();
        if ((shifted && row >= shifted->first && (pupil || marked)) || own != moves.pupils.end()) {
            ctx.add(finding::kRosterChanged, anyField,
                    rowLabel(row, pupil) + ": the card was printed from roster v" +
                        std::to_string(ctx.card->rosterVersion) + " and the roster changed since (" +
                        (own != moves.pupils.end() ? own->second : shifted->second) +
                        "); confirm which pupil this row is");
            continue; // never silently mapped
        }
        if (!pupil) {
            if (marked)
                ctx.add(finding::kRowNotOnRoster, anyField,
                        "row " + std::to_string(row) + " is marked but " + where + " has no pupil on that row");
            continue;
        }
        checkRowValues(ctx, row, *pupil, fields);
    }
}

void checkRowValues(ValidationContext& ctx, int row, const Pupil& pupil, const RowFields& fields) {
    if (const auto* f = fields.attendance; f && f->state != FieldState::Flagged && !ctx.result.lesson.notHeld) {
        const std::string code = f->state == FieldState::Nothing ? ctx.rules.presentCode : f->joined();
        if (f->values.size() > 1 || !contains(ctx.rules.attendanceCodes, code)) {
            std::string known;
            for (const auto& a : ctx.rules.attendanceCodes)
                known += (known.empty() ? "" : ", ") + a;
            ctx.add(finding::kAttendanceInvalid, f->fieldId,
                    rowLabel(row, &pupil) + ": '" + code + "' is not one attendance value of " + known);
        } else {
            ctx.result.lesson.attendance.push_back(AttendanceEntry{f->fieldId, row, pupil.sourcedId, code});
        }
    }
    checkGradeRow(ctx, row, &pupil, fields);
}

void checkGrades(ValidationContext& ctx) {
    auto& grades = ctx.result.lesson.grades;
    if (grades.empty())
        return;
    const auto* categoryField = ctx.reading.field("header.grade.category");
    const std::string category =
        categoryField && categoryField->state == FieldState::Value ? categoryField->joined() : "";
    if (category.empty() || (!ctx.rules.gradeCategories.empty() && !contains(ctx.rules.gradeCategories, category)))
        ctx.add(finding::kGradeCategoryInvalid, "header.grade.category",
                category.empty() ? "the card has grades but no grade category marked"
                                 : "'" + category + "' is not a grade category of this school");
    const auto weightText = digitGroup(ctx.reading, "header.grade.weight");
    int weight = 0;
    if (weightText && weightText->find('?') == std::string::npos && !weightText->empty() && weightText->size() < 4)
        weight = std::stoi(*weightText);
    if (weight < ctx.rules.minWeight || weight > ctx.rules.maxWeight)
        ctx.add(finding::kGradeWeightInvalid, "header.grade.weight",
                "grade weight " + (weightText ? "'" + *weightText + "'" : std::string("(none marked)")) +
                    " is not between " + std::to_string(ctx.rules.minWeight) + " and " +
                    std::to_string(ctx.rules.maxWeight));
    // 0 means "absent at the test" (004 ch. 8 §11–12): the pupil must be absent on this card.
    const auto* counts = ctx.reading.field("header.grade.counts");
    const bool countsInAverage = !(counts && counts->state == FieldState::Value && counts->joined() == "no");
    for (auto& g : grades) {
        g.category = category;
        g.weight = weight;
        g.countsInAverage = g.countsInAverage && countsInAverage;
        if (g.value != "0")
            continue;
        const auto att = std::find_if(ctx.result.lesson.attendance.begin(), ctx.result.lesson.attendance.end(),
                                      [&](const AttendanceEntry& a) { return a.pupilId == g.pupilId; });
        if (att == ctx.result.lesson.attendance.end() || !contains(ctx.rules.absentCodes, att->code))
            ctx.add(finding::kZeroNotAbsent, g.fieldId,
                    "row " + std::to_string(g.row) + ": grade 0 means absent at the test, but the pupil is " +
                        (att == ctx.result.lesson.attendance.end() ? std::string("not marked absent")
                                                                   : "marked '" + att->code + "'"));
    }
}

} // namespace scanstation::core
