#include "demo_school.hpp"

#include "scanstation/core/demo_school.hpp"

#include <algorithm>
#include <cstdio>

namespace scanstation::ui::demo {

namespace {
constexpr int kRows = 12;
constexpr double kFirstRowMm = 78;
constexpr double kRowMm = 16;
constexpr double kFirstBubbleMm = 128;
constexpr double kBubbleStepMm = 16;


std::vector<std::string> attendanceWith(std::initializer_list<std::pair<int, const char*>> marks) {
    std::vector<std::string> rows(kRows);
    for (const auto& [row, code] : marks)
        rows[row] = code;
    return rows;
}

// core's demo school, made once: its roster is what the demo shows and what the cards name.
const core::DemoSchool& school() {
    static const core::DemoSchool s = core::makeDemoSchool();
    return s;
}
} // namespace

std::string schoolName() {
    const auto& roster = school().roster;
    return (roster.school ? roster.school->name : std::string("Demo school")) + " (demo)";
}

std::vector<std::string> classCodes() {
    std::vector<std::string> codes;
    for (const auto& c : school().roster.classes)
        codes.push_back(c.code);
    return codes;
}

std::vector<Pupil> pupils() {
    const auto& roster = school().roster;
    std::vector<Pupil> all;
    for (const auto& c : roster.classes)
        for (const auto& p : roster.pupils)
            if (p.classId == c.sourcedId)
                all.push_back({c.code, p.registerNumber, p.familyName + " " + p.givenName,
                               p.status == core::PupilStatus::StruckOff ? "struck off" : ""});
    std::stable_sort(all.begin(), all.end(), [](const Pupil& a, const Pupil& b) {
        return a.className != b.className ? a.className < b.className : a.number < b.number;
    });
    return all;
}

std::vector<Operator> operators() {
    return {
        {"anna.nowak", "Demo1234", "Anna Nowak", core::Role::Teacher},
        {"admin", "Admin1234", "Piotr Wiśniewski", core::Role::Administrator},
        {"sekretariat", "Sekret1234", "Ewa Kamińska", core::Role::Secretariat},
        {"inspektor", "Inspekt1234", "Marek Sowa", core::Role::Inspector},
    };
}

std::vector<DemoPage> feederBatch() {
    const auto codes = classCodes();
    const std::string a = codes.at(0), b = codes.at(1);
    const auto serial = [](const std::string& cls, int n) { return "K-" + cls + "-000" + std::to_string(n); };
    return {
        {"p01", PageKind::Clean, serial(a, 1), a, "2026-11-23", 1, "matematyka",
         attendanceWith({{2, "nb"}, {8, "sp"}}), -1},
        {"p02", PageKind::Clean, serial(a, 2), a, "2026-11-23", 2, "język polski",
         attendanceWith({{2, "nb"}}), -1},
        {"p03", PageKind::Clean, serial(b, 1), b, "2026-11-23", 1, "historia",
         attendanceWith({{5, "u"}}), -1},
        {"p04", PageKind::FaintMark, serial(b, 2), b, "2026-11-23", 2, "przyroda",
         attendanceWith({{5, "u"}, {3, "nb"}}), 3},
        {"p05", PageKind::Clean, serial(a, 3), a, "2026-11-20", 3, "geografia",
         attendanceWith({}), -1},
        {"p06", PageKind::DoubleMark, serial(a, 4), a, "2026-11-20", 4, "muzyka",
         attendanceWith({{6, "nb"}, {11, "zw"}}), 6},
        {"p07", PageKind::Clean, serial(b, 3), b, "2026-11-20", 1, "biologia",
         attendanceWith({{0, "nb"}, {9, "nb"}}), -1},
        {"p08", PageKind::NotACard, "", "", "", 0, "", {}, -1},
        {"p09", PageKind::CodeUnreadable, serial(b, 4), b, "2026-11-20", 2, "fizyka",
         attendanceWith({{1, "sp"}}), -1},
        {"p10", PageKind::Clean, serial(a, 5), a, "2026-11-23", 3, "plastyka",
         attendanceWith({{4, "zw"}}), -1},
        {"p11", PageKind::Duplicate, serial(a, 1), a, "2026-11-23", 1, "matematyka",
         attendanceWith({{2, "nb"}, {8, "sp"}}), -1},
        {"p12", PageKind::Clean, serial(b, 5), b, "2026-11-23", 3, "informatyka",
         attendanceWith({}), -1},
    };
}

std::vector<std::string> attendanceCodes() {
    return {"nb", "sp", "u", "zw"};
}

core::CardTemplate attendanceTemplate() {
    core::CardTemplate t;
    t.id = "demo-attendance-a4";
    t.kind = "attendance";
    t.registrationMarks = {{"top-left", "square", {12, 12}, 8},
                           {"top-right", "square", {198, 12}, 8},
                           {"bottom-left", "square", {12, 285}, 8},
                           {"bottom-right", "square", {198, 285}, 8}};
    t.identityCodeRegion = {152, 20, 36, 36};
    t.rowCount = kRows;
    const auto codes = attendanceCodes();
    for (int row = 0; row < kRows; ++row) {
        char id[32];
        std::snprintf(id, sizeof id, "row.%02d.attendance", row + 1);
        core::FieldDef field{id, core::FieldKind::SingleChoice, "attendance", row, {}};
        const double y = kFirstRowMm + row * kRowMm + kRowMm / 2;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            core::BubbleOption option;
            option.value = codes[i];
            option.centre = {kFirstBubbleMm + static_cast<double>(i) * kBubbleStepMm, y};
            option.radius = 3.5;
            field.options.push_back(option);
        }
        t.fields.push_back(field);
    }
    return t;
}

} // namespace scanstation::ui::demo
