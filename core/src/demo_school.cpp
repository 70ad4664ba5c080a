// The built-in demo school, generated deterministically (a fixed linear congruential
// generator, no std::random distributions whose output differs between libraries).
#include "scanstation/core/demo_school.hpp"

#include "import/roster_parsers.hpp"

#include <array>
#include <map>
#include <set>

namespace scanstation::core {

namespace {

class Lcg {
public:
    explicit Lcg(std::uint32_t seed) : m_state(seed) {}
    std::uint32_t next(std::uint32_t bound) {
        m_state = m_state * 1664525u + 1013904223u;
        return (m_state >> 8) % bound;
    }

private:
    std::uint32_t m_state;
};

constexpr std::array kGirls = {"Zofia", "Zuzanna", "Hanna", "Julia", "Maja", "Łucja", "Alicja", "Oliwia", "Laura",
                               "Pola", "Gabriela", "Małgorzata", "Wiktoria", "Antonina", "Jagoda", "Róża", "Ewa",
                               "Agnieszka", "Żaneta", "Kinga"};
constexpr std::array kBoys = {"Jakub", "Antoni", "Jan", "Szymon", "Franciszek", "Filip", "Aleksander", "Mikołaj",
                              "Wojciech", "Kacper", "Stanisław", "Józef", "Tymoteusz", "Łukasz", "Michał", "Paweł",
                              "Bartłomiej", "Grzegorz", "Maciej", "Ignacy"};
// Family names as {masculine, feminine}.
constexpr std::array<std::array<const char*, 2>, 30> kFamilies = {{
    {"Nowak", "Nowak"}, {"Kowalski", "Kowalska"}, {"Wiśniewski", "Wiśniewska"}, {"Wójcik", "Wójcik"},
    {"Kowalczyk", "Kowalczyk"}, {"Kamiński", "Kamińska"}, {"Lewandowski", "Lewandowska"}, {"Zieliński", "Zielińska"},
    {"Szymański", "Szymańska"}, {"Woźniak", "Woźniak"}, {"Dąbrowski", "Dąbrowska"}, {"Kozłowski", "Kozłowska"},
    {"Jankowski", "Jankowska"}, {"Mazur", "Mazur"}, {"Kwiatkowski", "Kwiatkowska"}, {"Krawczyk", "Krawczyk"},
    {"Piotrowski", "Piotrowska"}, {"Grabowski", "Grabowska"}, {"Nowakowski", "Nowakowska"}, {"Pawłowski", "Pawłowska"},
    {"Michalski", "Michalska"}, {"Król", "Król"}, {"Wieczorek", "Wieczorek"}, {"Jabłoński", "Jabłońska"},
    {"Wróbel", "Wróbel"}, {"Nowicki", "Nowicka"}, {"Majewski", "Majewska"}, {"Olszewski", "Olszewska"},
    {"Stępień", "Stępień"}, {"Żak", "Żak"},
}};

const std::vector<Subject> kSubjects = {
    {"pol", "Język polski"}, {"mat", "Matematyka"},  {"ang", "Język angielski"}, {"his", "Historia"},
    {"bio", "Biologia"},     {"geo", "Geografia"},   {"fiz", "Fizyka"},          {"chem", "Chemia"},
    {"inf", "Informatyka"},  {"wf", "Wychowanie fizyczne"}, {"wych", "Godzina wychowawcza"},
};

// Teachers and the subject each teaches; two for the subjects with the most hours.
const std::vector<std::pair<Teacher, std::string>> kTeachers = {
    {{"T01", "Joanna", "Kaczmarek"}, "pol"},   {{"T02", "Tomasz", "Zając"}, "pol"},
    {{"T03", "Grażyna", "Sikora"}, "mat"},     {{"T04", "Krzysztof", "Ostrowski"}, "mat"},
    {{"T05", "Anna", "Baran"}, "ang"},         {{"T06", "Dorota", "Duda"}, "ang"},
    {{"T07", "Marek", "Szewczyk"}, "his"},     {{"T08", "Elżbieta", "Tomaszewska"}, "bio"},
    {{"T09", "Piotr", "Pietrzak"}, "geo"},     {{"T10", "Renata", "Marciniak"}, "fiz"},
    {{"T11", "Wiesław", "Wróblewski"}, "chem"}, {{"T12", "Katarzyna", "Zalewska"}, "inf"},
    {{"T13", "Robert", "Jakubowski"}, "wf"},   {{"T14", "Beata", "Jasińska"}, "wf"},
};

constexpr std::array kClassCodes = {"1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b"};
constexpr std::array kClassSizes = {24, 27, 22, 29, 25, 21, 28, 26};

RosterSnapshot makeRoster(int extraPupils) {
    RosterSnapshot r;
    r.school = School{"org-sp7", "Szkoła Podstawowa nr 7 im. Marii Skłodowskiej-Curie w Łodzi"};
    r.schoolYear = SchoolYear{"ay-2026", "2026/2027", Date{2026, 9, 1}, Date{2027, 8, 31}};
    r.terms = {Term{"term-2026-1", "Semestr 1", Date{2026, 9, 1}, Date{2027, 1, 31}},
               Term{"term-2026-2", "Semestr 2", Date{2027, 2, 1}, Date{2027, 8, 31}}};
    r.subjects = kSubjects;
    for (const auto& [t, subject] : kTeachers)
        r.teachers.push_back(t);
    Lcg rng(20261123u);
    int serial = 0;
    for (std::size_t c = 0; c < kClassCodes.size(); ++c) {
        const std::string code = kClassCodes[c];
        // Class teachers: the first eight teachers, one class each.
        r.classes.push_back(SchoolClass{"class-" + code, code, "Klasa " + code, kTeachers[c].first.sourcedId});
        const int size = kClassSizes[c] + extraPupils / 8 + (static_cast<int>(c) < extraPupils % 8 ? 1 : 0);
        for (int i = 0; i < size; ++i) {
            const bool girl = rng.next(2) == 0;
            Pupil p;
            char id[16];
            std::snprintf(id, sizeof id, "P%05d", ++serial);
            p.sourcedId = id;
            p.givenName = girl ? kGirls[rng.next(kGirls.size())] : kBoys[rng.next(kBoys.size())];
            p.familyName = kFamilies[rng.next(kFamilies.size())][girl ? 1 : 0];
            p.classId = "class-" + code;
            r.pupils.push_back(std::move(p));
        }
    }
    import::numberAlphabetically(r.pupils);
    // English in two groups per grade, across both classes of the grade (odd/even numbers).
    for (int grade = 1; grade <= 4; ++grade) {
        for (int g = 1; g <= 2; ++g) {
            const std::string code = std::to_string(grade) + "ab-ang-g" + std::to_string(g);
            ClassGroup group{"group-" + code, code, "Język angielski " + std::to_string(grade) + "ab gr. " + std::to_string(g),
                             "ang", {}, {g == 1 ? "T05" : "T06"}};
            for (const auto& p : r.pupils) {
                const std::string prefix = "class-" + std::to_string(grade);
                if (p.classId.rfind(prefix, 0) == 0 && (p.registerNumber % 2 == 1) == (g == 1))
                    group.pupilIds.push_back(p.sourcedId);
            }
            r.groups.push_back(std::move(group));
        }
    }
    return r;
}

std::vector<std::string> teachersOf(const std::string& subject) {
    std::vector<std::string> out;
    for (const auto& [t, s] : kTeachers)
        if (s == subject)
            out.push_back(t.sourcedId);
    return out;
}

// Mon 2026-11-23 .. Fri 2026-11-27, lessons 1..6. Each grade has English in groups once a day;
// other lessons rotate through the subjects, skipping a subject whose teacher is busy.
std::vector<LessonSlot> makeTimetable(const RosterSnapshot& roster) {
    std::vector<LessonSlot> slots;
    const std::vector<std::string> rotation = {"pol", "mat", "his", "bio", "geo", "fiz", "chem", "inf", "wf", "pol", "mat"};
    for (int day = 0; day < 5; ++day) {
        const Date date = Date{2026, 11, 23}.plusDays(day);
        for (int lesson = 1; lesson <= 6; ++lesson) {
            std::set<std::string> busy;
            std::set<int> gradeInGroups;
            for (int grade = 1; grade <= 4; ++grade)
                if ((grade + day) % 5 + 1 == lesson) { // one English lesson per grade per day
                    gradeInGroups.insert(grade);
                    for (int g = 1; g <= 2; ++g) {
                        const std::string teacher = g == 1 ? "T05" : "T06";
                        busy.insert(teacher);
                        slots.push_back(LessonSlot{0, date, lesson, std::to_string(grade) + "ab-ang-g" + std::to_string(g),
                                                   true, "ang", teacher, false});
                    }
                }
            for (std::size_t c = 0; c < roster.classes.size(); ++c) {
                const auto& cls = roster.classes[c];
                if (gradeInGroups.count(cls.code[0] - '0'))
                    continue;
                if (day == 4 && lesson == 6) { // Friday's last lesson: the class teacher's hour
                    if (!busy.count(*cls.classTeacherId)) {
                        busy.insert(*cls.classTeacherId);
                        slots.push_back(LessonSlot{0, date, lesson, cls.code, false, "wych", *cls.classTeacherId, false});
                    }
                    continue;
                }
                for (std::size_t k = 0; k < rotation.size(); ++k) {
                    const std::string& subject = rotation[(c * 3 + static_cast<std::size_t>(day * 7 + lesson) + k) % rotation.size()];
                    const auto candidates = teachersOf(subject);
                    const std::string& teacher = candidates[c % candidates.size()];
                    if (busy.insert(teacher).second) {
                        slots.push_back(LessonSlot{0, date, lesson, cls.code, false, subject, teacher, false});
                        break;
                    }
                }
            }
        }
    }
    return slots;
}

std::vector<Operator> makeOperators() {
    return {
        Operator{"admin", "Halina Administratorska", Role::Administrator, std::nullopt, true, {}},
        Operator{"dyrektor", "Zbigniew Dyrektorski", Role::Director, std::nullopt, true, {}},
        Operator{"sekretariat", "Irena Sekretarska", Role::Secretariat, std::nullopt, true, {}},
        Operator{"wizytator", "Kuratorium Oświaty", Role::Inspector, std::nullopt, true, {}},
        Operator{"jkaczmarek", "Joanna Kaczmarek", Role::ClassTeacher, std::string("T01"), true, {}},
        Operator{"gsikora", "Grażyna Sikora", Role::ClassTeacher, std::string("T03"), true, {}},
        Operator{"abaran", "Anna Baran", Role::Teacher, std::string("T05"), true, {}},
        Operator{"rjakubowski", "Robert Jakubowski", Role::Teacher, std::string("T13"), true, {}},
    };
}

} // namespace

DemoSchool makeDemoSchool(int extraPupils) {
    DemoSchool school;
    school.roster = makeRoster(extraPupils < 0 ? 0 : extraPupils);
    school.timetable = makeTimetable(school.roster);
    school.operators = makeOperators();
    return school;
}

} // namespace scanstation::core
