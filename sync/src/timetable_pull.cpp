#include "scanstation/sync/timetable_pull.hpp"

#include "scanstation/core/pulled_timetable.hpp"
#include "scanstation/core/roster_mirror.hpp"
#include "scanstation/core/store.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace scanstation::sync {

using nlohmann::json;

namespace {

bool after(const std::string& modified, const std::string& id, const std::optional<core::RosterCursor>& cursor) {
    return !cursor || std::make_pair(modified, id) > std::make_pair(cursor->timestamp, cursor->sourcedId);
}

std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// One LessonSlot record of the document; `problem` names the JSON path when it is malformed.
std::optional<core::PulledLessonSlot> slotOf(const std::string& body, std::string& problem) {
    const json record = json::parse(body, nullptr, false);
    core::PulledLessonSlot slot;
    slot.sourcedId = text(record, "sourcedId");
    slot.active = text(record, "status") != "tobedeleted";
    const std::string where = "lessonSlots " + slot.sourcedId + ": ";
    const auto lesson = record.find("lesson");
    if (lesson == record.end() || !lesson->is_object()) {
        problem = where + "lesson is missing";
        return std::nullopt;
    }
    const auto cls = lesson->find("class");
    slot.classSourcedId = cls != lesson->end() && cls->is_object() ? text(*cls, "sourcedId") : "";
    const auto date = core::Date::parse(text(*lesson, "date"));
    const auto number = lesson->find("lessonNumber");
    if (slot.classSourcedId.empty() || !date || number == lesson->end() || !number->is_number_integer()) {
        problem = where + "lesson needs class.sourcedId, date and lessonNumber";
        return std::nullopt;
    }
    slot.date = *date;
    slot.lessonNumber = number->get<int>();
    const auto subject = record.find("subject");
    if (subject != record.end() && subject->is_object()) {
        slot.subjectCode = text(*subject, "code");
        slot.subjectTitle = text(*subject, "title");
    }
    const auto teacher = record.find("teacher");
    slot.teacherId = teacher != record.end() && teacher->is_object() ? text(*teacher, "sourcedId") : "";
    if (slot.active && (slot.subjectCode.empty() || slot.teacherId.empty())) {
        problem = where + "an active slot needs subject.code and teacher.sourcedId";
        return std::nullopt;
    }
    return slot;
}

} // namespace

TimetablePullReport pullTimetable(core::Store& store, RegisterClient& client, const std::string& actor, int pageSize) {
    TimetablePullReport report;
    core::RosterMirror cursors(store);
    const auto start = cursors.cursor(kTimetableResource);
    auto newest = start;
    std::vector<core::PulledLessonSlot> slots;
    for (int offset = 0;; offset += pageSize) {
        const RosterPage page = client.lessonSlotPage(start ? start->timestamp : "", pageSize, offset);
        ++report.pages;
        if (page.failure != FailureKind::None) {
            report.plainWords = "timetable: " + page.plainWords;
            return report; // nothing applied; the cursor stays
        }
        for (size_t i = 0; i < page.recordsJson.size(); ++i) {
            if (!after(page.modified[i], page.sourcedIds[i], start)) continue;
            std::string problem;
            if (auto slot = slotOf(page.recordsJson[i], problem)) slots.push_back(std::move(*slot));
            else report.problems.push_back(problem);
            if (after(page.modified[i], page.sourcedIds[i], newest))
                newest = core::RosterCursor{page.modified[i], page.sourcedIds[i]};
        }
        if (static_cast<int>(page.recordsJson.size()) < pageSize) break;
    }
    report.received = static_cast<int>(slots.size() + report.problems.size());
    if (!report.problems.empty()) {
        report.plainWords = "timetable: " + std::to_string(report.problems.size()) + " slot(s) malformed; nothing applied";
        return report;
    }
    core::Transaction tx(store);
    const auto changes = core::applyPulledLessonSlots(store, actor, slots);
    if (!changes.problems.empty()) {
        report.problems = changes.problems;
        report.plainWords = "timetable: " + std::to_string(changes.problems.size()) +
                            " slot(s) could not be applied; nothing applied";
        return report; // the transaction rolls back; the cursor stays
    }
    if (newest) cursors.setCursor(kTimetableResource, *newest);
    tx.commit();
    report.added = changes.added;
    report.updated = changes.updated;
    report.unchanged = changes.unchanged;
    report.removed = changes.removed;
    report.cancelled = changes.cancelled;
    report.complete = true;
    return report;
}

} // namespace scanstation::sync
