#include "station_fixture.hpp"

#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/outbox.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/timetable.hpp"
#include "scanstation/sync/oneroster_json.hpp"

#include <cstdio>
#include <random>

namespace scanstation::testing {

using nlohmann::json;

TempDir::TempDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("scanstation-sync-" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

json oneRosterJsonOf(const core::RosterSnapshot& roster, const std::string& modified) {
    return json::parse(sync::oneRosterJson(roster, modified));
}

void installDemo(const std::filesystem::path& dataDir, int extraPupils) {
    core::Store store(dataDir);
    core::installDemoSchool(store, "admin", dataDir / "demo-files", extraPupils);
}

core::LessonDraft draftFor(core::Store& store, std::int64_t slotId, const CardPlan& plan) {
    core::LessonDraft draft;
    draft.slot = core::Timetable(store).slot(slotId);
    draft.topicNumber = std::to_string(slotId % 40 + 1);
    draft.substitution = slotId % 7 == 0;
    core::Roster roster(store);
    const auto cls = roster.classByCode(draft.slot->classOrGroupCode);
    int row = 0;
    std::vector<std::string> pupils;
    for (const auto& p : roster.pupilsOfClass(cls->sourcedId)) pupils.push_back(p.sourcedId);
    pupils.insert(pupils.end(), plan.extraPupilIds.begin(), plan.extraPupilIds.end());
    for (const auto& pupil : pupils) {
        ++row;
        const std::string code = row % 3 == 0 ? plan.absentCode : "ob";
        draft.attendance.push_back({"row." + std::to_string(row) + ".attendance", row, pupil, code});
        if (plan.grades && code == "ob")
            draft.grades.push_back({"row." + std::to_string(row) + ".grade", row, pupil,
                                    std::to_string(row % 6 + 1), "kartkowka", 2, true});
    }
    return draft;
}

namespace {
std::vector<core::LessonSlot> classLessons(core::Store& store) {
    std::vector<core::LessonSlot> slots;
    for (const auto& slot : core::Timetable(store).between(core::Date{2026, 1, 1}, core::Date{2027, 12, 31}))
        if (!slot.isGroup && !slot.cancelled) slots.push_back(slot);
    return slots;
}
} // namespace

int classLessonCount(core::Store& store) { return static_cast<int>(classLessons(store).size()); }

std::vector<std::string> acceptCards(core::Store& store, int count, const CardPlan& plan, int firstSlot) {
    std::vector<core::LessonSlot> slots = classLessons(store);
    slots.erase(slots.begin(), slots.begin() + std::min<int>(firstSlot, static_cast<int>(slots.size())));
    if (static_cast<int>(slots.size()) < count)
        throw std::runtime_error("the demo timetable has only " + std::to_string(slots.size()) + " class lessons");
    core::CardRegistry cards(store);
    std::vector<std::string> serials;
    for (int i = 0; i < count; ++i) {
        core::Transaction tx(store);
        const auto card = cards.issue("teacher", {"lesson-card", 1, slots[static_cast<size_t>(i)].id, ""});
        cards.transition("scanner", card.serial, core::CardState::Scanned, "");
        cards.transition("scanner", card.serial, core::CardState::Accepted, "");
        core::Outbox(store).enqueueCard("scanner", card.serial, draftFor(store, slots[static_cast<size_t>(i)].id, plan));
        tx.commit();
        serials.push_back(card.serial);
    }
    return serials;
}

std::string scanCleanCard(core::Store& store, const std::string& classCode,
                          const std::map<std::string, std::string>& marks) {
    std::optional<core::LessonSlot> slot;
    for (const auto& s : core::Timetable(store).onDate(core::Date{2026, 11, 23}))
        if (!slot && s.classOrGroupCode == classCode) slot = s;
    if (!slot) throw std::runtime_error("no demo lesson of " + classCode + " on 2026-11-23");
    const auto card = core::CardRegistry(store).issue("admin", {"attendance-a4-v1", 1, slot->id, ""});
    core::CardReading page;
    page.pageHash = std::string(64 - card.serial.size(), 'a') + card.serial;
    page.source = "sync-test-" + card.serial + ".png";
    page.status = core::PageStatus::Read;
    page.card = core::CardIdentityReading{card.serial, card.templateId, card.templateVersion, true, card.lessonSlotId,
                                          card.rosterVersion};
    const auto cls = core::Roster(store).classByCode(classCode);
    const auto pupils = core::Roster(store).pupilsOfClass(cls->sourcedId).size();
    for (size_t row = 1; row <= pupils; ++row) {
        char id[32];
        std::snprintf(id, sizeof id, "row.%02zu.attendance", row);
        core::FieldReading field;
        field.fieldId = id;
        if (const auto mark = marks.find(id); mark != marks.end()) {
            field.state = core::FieldState::Value;
            field.values = {mark->second};
        }
        page.fields.push_back(field);
    }
    const auto result = core::ReadingRecorder(store).record("admin", page);
    if (result.outcome != core::IngestOutcome::Accepted)
        throw std::runtime_error("card " + card.serial + " was not accepted: " + result.message);
    return card.serial;
}

sync::RegisterEndpoint loopbackEndpoint(const RegisterProcess& reg) {
    sync::RegisterEndpoint endpoint;
    endpoint.baseUrl = reg.url();
    endpoint.clientId = "scanstation";
    endpoint.clientSecret = "scanstation-secret";
    endpoint.allowPlainHttp = true;
    endpoint.requestTimeout = std::chrono::milliseconds(5000);
    endpoint.connectTimeout = std::chrono::milliseconds(2000);
    return endpoint;
}

} // namespace scanstation::testing
