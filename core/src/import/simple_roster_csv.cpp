// The station's simple roster CSV: one line per pupil.
#include "import/polish_collation.hpp"
#include "import/roster_parsers.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace scanstation::core::import {

namespace {

const std::vector<std::string> kRequired = {"class", "register_number", "family_name", "given_name", "pupil_id"};

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + ";") {
        if (c == ';') {
            if (auto t = trim(cur); !t.empty())
                out.push_back(t);
            cur.clear();
        } else
            cur += c;
    }
    return out;
}

struct SimpleCsvReader {
    const CsvTable& table;
    ParsedRoster& out;
    std::map<std::string, int> pupilLines;                     // pupil_id -> line
    std::map<std::pair<std::string, int>, int> registerLines;  // (class, number) -> line
    std::map<std::string, ClassGroup> groups;

    void problem(const CsvRecord& r, const std::string& column, const std::string& reason) {
        out.problems.push_back({table.file, r.line, column, reason});
    }

    void readRecord(const CsvRecord& r) {
        bool ok = true;
        for (const auto& col : kRequired)
            if (col != "register_number" && field(table, r, col).empty()) {
                problem(r, col, "empty " + col);
                ok = false;
            }
        Pupil p;
        p.classId = "class-" + field(table, r, "class");
        p.familyName = field(table, r, "family_name");
        p.givenName = field(table, r, "given_name");
        p.sourcedId = field(table, r, "pupil_id");
        const std::string status = field(table, r, "status");
        if (status == "struck_off")
            p.status = PupilStatus::StruckOff;
        else if (!status.empty() && status != "active") {
            problem(r, "status", "unknown status '" + status + "' (use active or struck_off)");
            ok = false;
        }
        const std::string number = field(table, r, "register_number");
        if (auto n = parsePositiveInt(number))
            p.registerNumber = *n;
        else {
            problem(r, "register_number", number.empty() ? "empty register_number"
                                                         : "bad register number '" + number + "' (a whole number from 1)");
            ok = false;
        }
        if (!p.sourcedId.empty()) {
            if (auto [it, fresh] = pupilLines.emplace(p.sourcedId, r.line); !fresh) {
                problem(r, "pupil_id", "duplicate pupil_id '" + p.sourcedId + "' (also line " + std::to_string(it->second) + ")");
                ok = false;
            }
        }
        if (ok && p.status == PupilStatus::Active) {
            const std::string code = field(table, r, "class");
            if (auto [it, fresh] = registerLines.emplace(std::make_pair(code, p.registerNumber), r.line); !fresh) {
                problem(r, "register_number", "duplicate register number " + std::to_string(p.registerNumber) +
                                                  " in class " + code + " (also line " + std::to_string(it->second) + ")");
                ok = false;
            }
        }
        if (!ok)
            return;
        for (const auto& code : splitList(field(table, r, "groups"))) {
            auto& g = groups[code];
            g.sourcedId = "group-" + code;
            g.code = code;
            g.title = code;
            g.pupilIds.push_back(p.sourcedId);
        }
        out.snapshot.pupils.push_back(std::move(p));
    }

    void finish() {
        std::set<std::string> classCodes;
        for (const auto& r : table.records)
            if (auto code = field(table, r, "class"); !code.empty())
                classCodes.insert(code);
        for (const auto& code : classCodes) {
            if (groups.count(code))
                out.problems.push_back({table.file, 0, "groups", "'" + code + "' is both a class and a group"});
            out.snapshot.classes.push_back(SchoolClass{"class-" + code, code, "Klasa " + code, std::nullopt});
        }
        for (auto& [code, g] : groups)
            out.snapshot.groups.push_back(std::move(g));
    }
};

} // namespace

ParsedRoster parseSimpleRosterCsv(std::string_view text, const std::string& fileName) {
    ParsedRoster out;
    out.format = "simple-csv";
    const CsvTable table = parseCsv(text, fileName, out.problems);
    if (!requireColumns(table, kRequired, out.problems))
        return out;
    SimpleCsvReader reader{table, out, {}, {}, {}};
    for (const auto& r : table.records)
        reader.readRecord(r);
    reader.finish();
    return out;
}

void numberAlphabetically(std::vector<Pupil>& pupils) {
    std::map<std::string, std::vector<Pupil*>> byClass;
    std::map<std::string, int> highest;
    for (auto& p : pupils) {
        if (p.registerNumber > 0)
            highest[p.classId] = std::max(highest[p.classId], p.registerNumber);
        else if (p.status == PupilStatus::Active) // a struck-off pupil keeps the number they had
            byClass[p.classId].push_back(&p);
    }
    for (auto& [classId, list] : byClass) {
        std::sort(list.begin(), list.end(), [](const Pupil* a, const Pupil* b) {
            if (a->familyName != b->familyName)
                return polishLess(a->familyName, b->familyName);
            if (a->givenName != b->givenName)
                return polishLess(a->givenName, b->givenName);
            return a->sourcedId < b->sourcedId;
        });
        int next = highest[classId];
        for (Pupil* p : list)
            p->registerNumber = ++next;
    }
}

} // namespace scanstation::core::import
