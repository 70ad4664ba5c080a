#include "import/roster_apply.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/store.hpp"
#include "sha256.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace scanstation::core::import {

namespace {

template <class T, class Key> std::vector<T> sortedBy(std::vector<T> v, Key key) {
    std::sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    return v;
}

std::string joined(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

class RosterApplier {
public:
    RosterApplier(Store& store, const RosterSnapshot& s) : m_db(store.database()), m_s(s) {}

    std::vector<RosterChange> run() {
        applySchool();
        applyTeachers();
        applySubjects();
        applyClasses();
        applyPupils();
        applyGroups();
        return std::move(m_changes);
    }

private:
    sql::Database& m_db;
    const RosterSnapshot& m_s;
    std::vector<RosterChange> m_changes;

    void change(RosterChangeKind kind, const std::string& id, const std::string& details) {
        m_changes.push_back(RosterChange{kind, id, details});
    }

    void applySchool() {
        if (m_s.school) {
            auto st = m_db.prepare("SELECT sourced_id, name FROM school WHERE id = 1");
            if (!st.step() || st.getText(0) != m_s.school->sourcedId || st.getText(1) != m_s.school->name) {
                m_db.prepare("INSERT OR REPLACE INTO school (id, sourced_id, name) VALUES (1, ?, ?)")
                    .bind(1, m_s.school->sourcedId).bind(2, m_s.school->name).run();
                change(RosterChangeKind::SchoolChanged, m_s.school->sourcedId, "school " + m_s.school->name);
            }
        }
        if (m_s.schoolYear) {
            const auto& y = *m_s.schoolYear;
            auto st = m_db.prepare("SELECT sourced_id, title, start_date, end_date FROM school_year WHERE id = 1");
            if (!st.step() || st.getText(0) != y.sourcedId || st.getText(1) != y.title ||
                st.getText(2) != y.start.toString() || st.getText(3) != y.end.toString()) {
                m_db.prepare("INSERT OR REPLACE INTO school_year (id, sourced_id, title, start_date, end_date) VALUES (1, ?, ?, ?, ?)")
                    .bind(1, y.sourcedId).bind(2, y.title).bind(3, y.start.toString()).bind(4, y.end.toString()).run();
                change(RosterChangeKind::SchoolChanged, y.sourcedId, "school year " + y.title + " " + y.start.toString() +
                                                                         ".." + y.end.toString());
            }
        }
        if (!m_s.terms.empty())
            applyTerms();
    }

    void applyTerms() {
        std::string stored, wanted;
        auto st = m_db.prepare("SELECT sourced_id, title, start_date, end_date FROM terms ORDER BY sourced_id");
        while (st.step())
            stored += st.getText(0) + "|" + st.getText(1) + "|" + st.getText(2) + "|" + st.getText(3) + "\n";
        for (const auto& t : sortedBy(m_s.terms, [](const Term& t) { return t.sourcedId; }))
            wanted += t.sourcedId + "|" + t.title + "|" + t.start.toString() + "|" + t.end.toString() + "\n";
        if (stored == wanted)
            return;
        m_db.exec("DELETE FROM terms");
        auto ins = m_db.prepare("INSERT INTO terms (sourced_id, title, start_date, end_date) VALUES (?, ?, ?, ?)");
        for (const auto& t : m_s.terms) {
            ins.bind(1, t.sourcedId).bind(2, t.title).bind(3, t.start.toString()).bind(4, t.end.toString()).run();
            ins.reset();
        }
        change(RosterChangeKind::SchoolChanged, "terms", std::to_string(m_s.terms.size()) + " terms");
    }

    void applyTeachers() {
        if (m_s.teachers.empty())
            return;
        std::map<std::string, std::tuple<std::string, std::string, bool>> stored;
        auto st = m_db.prepare("SELECT sourced_id, given_name, family_name, active FROM teachers");
        while (st.step())
            stored[st.getText(0)] = {st.getText(1), st.getText(2), st.getInt(3) != 0};
        std::set<std::string> inFile;
        for (const auto& t : m_s.teachers) {
            inFile.insert(t.sourcedId);
            auto it = stored.find(t.sourcedId);
            if (it != stored.end() && it->second == std::make_tuple(t.givenName, t.familyName, true))
                continue;
            m_db.prepare("INSERT INTO teachers (sourced_id, given_name, family_name, active) VALUES (?, ?, ?, 1) "
                         "ON CONFLICT (sourced_id) DO UPDATE SET given_name = excluded.given_name, "
                         "family_name = excluded.family_name, active = 1")
                .bind(1, t.sourcedId).bind(2, t.givenName).bind(3, t.familyName).run();
            change(RosterChangeKind::TeacherChanged, t.sourcedId,
                   (it == stored.end() ? "added " : "updated ") + t.givenName + " " + t.familyName);
        }
        for (const auto& [id, row] : stored)
            if (std::get<2>(row) && !inFile.count(id)) {
                m_db.prepare("UPDATE teachers SET active = 0 WHERE sourced_id = ?").bind(1, id).run();
                change(RosterChangeKind::TeacherChanged, id, "left the school");
            }
    }

    void applySubjects() {
        for (const auto& s : m_s.subjects) {
            auto st = m_db.prepare("SELECT name FROM subjects WHERE code = ?");
            st.bind(1, s.code);
            const bool exists = st.step();
            if (exists && st.getText(0) == s.name)
                continue;
            m_db.prepare("INSERT INTO subjects (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name")
                .bind(1, s.code).bind(2, s.name).run();
            change(RosterChangeKind::SubjectChanged, s.code, (exists ? "renamed " : "added ") + s.name);
        }
    }

    void applyClasses() {
        struct Row { std::string code, title; std::optional<std::string> teacher; bool active; };
        std::map<std::string, Row> stored;
        auto st = m_db.prepare("SELECT sourced_id, code, title, class_teacher_id, active FROM classes");
        while (st.step())
            stored[st.getText(0)] = Row{st.getText(1), st.getText(2), st.getOptionalText(3), st.getInt(4) != 0};
        std::set<std::string> inFile;
        for (const auto& c : m_s.classes)
            inFile.insert(c.sourcedId);
        // Close classes that are gone and park changing codes first, so codes may move freely.
        for (const auto& [id, row] : stored)
            if (row.active && !inFile.count(id)) {
                m_db.prepare("UPDATE classes SET active = 0 WHERE sourced_id = ?").bind(1, id).run();
                change(RosterChangeKind::ClassChanged, id, "class " + row.code + " closed");
            }
        for (const auto& c : m_s.classes)
            if (auto it = stored.find(c.sourcedId); it != stored.end() && it->second.code != c.code)
                m_db.prepare("UPDATE classes SET code = '~' || sourced_id WHERE sourced_id = ?").bind(1, c.sourcedId).run();
        for (const auto& c : m_s.classes) {
            auto it = stored.find(c.sourcedId);
            if (it != stored.end() && it->second.active && it->second.code == c.code && it->second.title == c.title &&
                it->second.teacher == c.classTeacherId)
                continue;
            m_db.prepare("INSERT INTO classes (sourced_id, code, title, class_teacher_id, active) VALUES (?, ?, ?, ?, 1) "
                         "ON CONFLICT (sourced_id) DO UPDATE SET code = excluded.code, title = excluded.title, "
                         "class_teacher_id = excluded.class_teacher_id, active = 1")
                .bind(1, c.sourcedId).bind(2, c.code).bind(3, c.title).bind(4, c.classTeacherId).run();
            if (it == stored.end())
                change(RosterChangeKind::ClassAdded, c.sourcedId, "class " + c.code);
            else
                change(RosterChangeKind::ClassChanged, c.sourcedId, "class " + c.code + " updated");
        }
    }

    std::string classCode(const std::string& classId) {
        auto st = m_db.prepare("SELECT code FROM classes WHERE sourced_id = ?");
        st.bind(1, classId);
        return st.step() ? st.getText(0) : classId;
    }

    void applyPupils() {
        std::map<std::string, Pupil> stored;
        auto st = m_db.prepare("SELECT sourced_id, given_name, family_name, class_id, register_number, status FROM pupils");
        while (st.step()) {
            Pupil p{st.getText(0), st.getText(1), st.getText(2), st.getText(3), static_cast<int>(st.getInt(4)),
                    st.getText(5) == "active" ? PupilStatus::Active : PupilStatus::StruckOff};
            stored[p.sourcedId] = p;
        }
        std::map<std::string, Pupil> wanted;
        for (const auto& p : m_s.pupils) {
            Pupil w = p;
            if (w.registerNumber == 0)
                if (auto it = stored.find(w.sourcedId); it != stored.end())
                    w.registerNumber = it->second.registerNumber; // a struck-off pupil keeps their number
            wanted[w.sourcedId] = w;
        }
        for (const auto& [id, p] : stored)
            if (!wanted.count(id)) {
                Pupil gone = p;
                gone.status = PupilStatus::StruckOff;
                wanted[id] = gone;
            }
        // Phase 1: move every changing pupil out of the way of the unique register numbers.
        for (const auto& [id, w] : wanted)
            if (auto it = stored.find(id); it != stored.end() && !samePlace(it->second, w))
                m_db.prepare("UPDATE pupils SET register_number = -rowid, status = 'struck_off' WHERE sourced_id = ?")
                    .bind(1, id).run();
        // Phase 2: the final state, with the changes it makes.
        for (const auto& [id, w] : wanted) {
            auto it = stored.find(id);
            if (it != stored.end() && samePlace(it->second, w) && it->second.givenName == w.givenName &&
                it->second.familyName == w.familyName)
                continue;
            m_db.prepare("INSERT INTO pupils (sourced_id, given_name, family_name, class_id, register_number, status) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sourced_id) DO UPDATE SET given_name = excluded.given_name, "
                         "family_name = excluded.family_name, class_id = excluded.class_id, "
                         "register_number = excluded.register_number, status = excluded.status")
                .bind(1, id).bind(2, w.givenName).bind(3, w.familyName).bind(4, w.classId).bind(5, w.registerNumber)
                .bind(6, toString(w.status)).run();
            describePupilChange(it == stored.end() ? nullptr : &it->second, w);
        }
    }

    static bool samePlace(const Pupil& a, const Pupil& b) {
        return a.classId == b.classId && a.registerNumber == b.registerNumber && a.status == b.status;
    }

    void describePupilChange(const Pupil* old, const Pupil& w) {
        const std::string who = w.familyName + " " + w.givenName;
        const std::string place = classCode(w.classId) + " no. " + std::to_string(w.registerNumber);
        if (!old) {
            change(w.status == PupilStatus::Active ? RosterChangeKind::Joined : RosterChangeKind::StruckOff, w.sourcedId,
                   who + " in " + place);
            return;
        }
        if (old->status == PupilStatus::Active && w.status == PupilStatus::StruckOff) {
            change(RosterChangeKind::StruckOff, w.sourcedId, who + " (" + classCode(old->classId) + ")");
            return;
        }
        if (old->status == PupilStatus::StruckOff && w.status == PupilStatus::Active)
            change(RosterChangeKind::Reinstated, w.sourcedId, who + " in " + place);
        else if (old->classId != w.classId)
            change(RosterChangeKind::Transferred, w.sourcedId,
                   who + ": " + classCode(old->classId) + " -> " + place);
        else if (old->registerNumber != w.registerNumber)
            change(RosterChangeKind::Renumbered, w.sourcedId, who + " in " + classCode(w.classId) + ": no. " +
                                                                  std::to_string(old->registerNumber) + " -> " +
                                                                  std::to_string(w.registerNumber));
        if (old->givenName != w.givenName || old->familyName != w.familyName)
            change(RosterChangeKind::Renamed, w.sourcedId, old->familyName + " " + old->givenName + " -> " + who);
    }

    std::string groupState(const std::string& id) {
        std::string out;
        auto st = m_db.prepare("SELECT code, title, COALESCE(subject_code, ''), active FROM class_groups WHERE sourced_id = ?");
        st.bind(1, id);
        if (!st.step())
            return out;
        out = st.getText(0) + "|" + st.getText(1) + "|" + st.getText(2) + "|" + std::to_string(st.getInt(3));
        std::vector<std::string> members, teachers;
        auto m = m_db.prepare("SELECT pupil_id FROM group_members WHERE group_id = ?");
        m.bind(1, id);
        while (m.step())
            members.push_back(m.getText(0));
        auto t = m_db.prepare("SELECT teacher_id FROM group_teachers WHERE group_id = ?");
        t.bind(1, id);
        while (t.step())
            teachers.push_back(t.getText(0));
        return out + "|" + joined(members) + "|" + joined(teachers);
    }

    void applyGroups() {
        if (m_s.groups.empty())
            return;
        std::set<std::string> inFile;
        for (const auto& g : m_s.groups)
            inFile.insert(g.sourcedId);
        auto st = m_db.prepare("SELECT sourced_id, code FROM class_groups WHERE active = 1");
        std::vector<std::pair<std::string, std::string>> closing;
        while (st.step())
            if (!inFile.count(st.getText(0)))
                closing.emplace_back(st.getText(0), st.getText(1));
        for (const auto& [id, code] : closing) {
            m_db.prepare("UPDATE class_groups SET active = 0 WHERE sourced_id = ?").bind(1, id).run();
            change(RosterChangeKind::GroupChanged, id, "group " + code + " closed");
        }
        for (const auto& g : m_s.groups) {
            const std::string want = g.code + "|" + g.title + "|" + g.subjectCode.value_or("") + "|1|" + joined(g.pupilIds) +
                                     "|" + joined(g.teacherIds);
            const std::string have = groupState(g.sourcedId);
            if (have == want)
                continue;
            m_db.prepare("UPDATE class_groups SET code = '~' || sourced_id WHERE sourced_id = ?").bind(1, g.sourcedId).run();
        }
        for (const auto& g : m_s.groups)
            writeGroup(g);
    }

    void writeGroup(const ClassGroup& g) {
        const std::string want = g.code + "|" + g.title + "|" + g.subjectCode.value_or("") + "|1|" + joined(g.pupilIds) +
                                 "|" + joined(g.teacherIds);
        const std::string have = groupState(g.sourcedId);
        if (have == want)
            return;
        m_db.prepare("INSERT INTO class_groups (sourced_id, code, title, subject_code, active) VALUES (?, ?, ?, ?, 1) "
                     "ON CONFLICT (sourced_id) DO UPDATE SET code = excluded.code, title = excluded.title, "
                     "subject_code = excluded.subject_code, active = 1")
            .bind(1, g.sourcedId).bind(2, g.code).bind(3, g.title).bind(4, g.subjectCode).run();
        m_db.prepare("DELETE FROM group_members WHERE group_id = ?").bind(1, g.sourcedId).run();
        m_db.prepare("DELETE FROM group_teachers WHERE group_id = ?").bind(1, g.sourcedId).run();
        auto m = m_db.prepare("INSERT OR IGNORE INTO group_members (group_id, pupil_id) VALUES (?, ?)");
        for (const auto& p : g.pupilIds) {
            m.bind(1, g.sourcedId).bind(2, p).run();
            m.reset();
        }
        auto t = m_db.prepare("INSERT OR IGNORE INTO group_teachers (group_id, teacher_id) VALUES (?, ?)");
        for (const auto& id : g.teacherIds) {
            t.bind(1, g.sourcedId).bind(2, id).run();
            t.reset();
        }
        change(RosterChangeKind::GroupChanged, g.sourcedId,
               (have.empty() ? "group " : "group updated ") + g.code + ", " + std::to_string(g.pupilIds.size()) + " pupils");
    }
};

std::string subjectFor(RosterChangeKind kind, const std::string& id) {
    switch (kind) {
    case RosterChangeKind::Joined:
    case RosterChangeKind::Transferred:
    case RosterChangeKind::Renumbered:
    case RosterChangeKind::Renamed:
    case RosterChangeKind::StruckOff:
    case RosterChangeKind::Reinstated: return "pupil:" + id;
    case RosterChangeKind::ClassAdded:
    case RosterChangeKind::ClassChanged: return "class:" + id;
    case RosterChangeKind::GroupChanged: return "group:" + id;
    case RosterChangeKind::TeacherChanged: return "teacher:" + id;
    case RosterChangeKind::SubjectChanged: return "subject:" + id;
    case RosterChangeKind::SchoolChanged: return "school:" + id;
    }
    return id;
}

} // namespace

std::string contentHash(const RosterSnapshot& s) {
    std::string c = "roster-v1;";
    if (s.school) {
        appendCanonical(c, s.school->sourcedId);
        appendCanonical(c, s.school->name);
    }
    if (s.schoolYear) {
        appendCanonical(c, s.schoolYear->sourcedId);
        appendCanonical(c, s.schoolYear->title);
        appendCanonical(c, s.schoolYear->start.toString() + s.schoolYear->end.toString());
    }
    for (const auto& t : sortedBy(s.terms, [](const Term& t) { return t.sourcedId; }))
        for (const auto& f : {t.sourcedId, t.title, t.start.toString(), t.end.toString()})
            appendCanonical(c, f);
    for (const auto& k : sortedBy(s.classes, [](const SchoolClass& k) { return k.sourcedId; }))
        for (const auto& f : {k.sourcedId, k.code, k.title, k.classTeacherId.value_or("")})
            appendCanonical(c, f);
    for (const auto& g : sortedBy(s.groups, [](const ClassGroup& g) { return g.sourcedId; }))
        for (const auto& f : {g.sourcedId, g.code, g.title, g.subjectCode.value_or(""), joined(g.pupilIds), joined(g.teacherIds)})
            appendCanonical(c, f);
    for (const auto& p : sortedBy(s.pupils, [](const Pupil& p) { return p.sourcedId; }))
        for (const auto& f : {p.sourcedId, p.givenName, p.familyName, p.classId, std::to_string(p.registerNumber), toString(p.status)})
            appendCanonical(c, f);
    for (const auto& t : sortedBy(s.teachers, [](const Teacher& t) { return t.sourcedId; }))
        for (const auto& f : {t.sourcedId, t.givenName, t.familyName})
            appendCanonical(c, f);
    for (const auto& t : sortedBy(s.subjects, [](const Subject& t) { return t.code; }))
        for (const auto& f : {t.code, t.name})
            appendCanonical(c, f);
    return sha256Hex(c);
}

ApplyResult applyRoster(Store& store, const std::string& actor, const std::string& source, const RosterSnapshot& snapshot) {
    Transaction tx(store);
    auto& db = store.database();
    ApplyResult result;
    auto cur = db.prepare("SELECT COALESCE(MAX(number), 0) FROM roster_versions");
    cur.step();
    result.version = cur.getInt(0);
    result.changes = RosterApplier(store, snapshot).run();
    if (result.changes.empty())
        return result; // nothing differs: the transaction rolls back untouched
    const std::int64_t version = result.version + 1;
    const std::string hash = contentHash(snapshot);
    db.prepare("INSERT INTO roster_versions (number, imported_at_ms, imported_by, source, content_hash) VALUES (?, ?, ?, ?, ?)")
        .bind(1, version).bind(2, toUnixMs(store.clock().now())).bind(3, actor).bind(4, source).bind(5, hash).run();
    auto ins = db.prepare("INSERT INTO roster_changes (version, seq, kind, subject_id, details) VALUES (?, ?, ?, ?, ?)");
    AuditLog audit(store);
    int seq = 0;
    for (const auto& ch : result.changes) {
        ins.bind(1, version).bind(2, ++seq).bind(3, toString(ch.kind)).bind(4, ch.subjectId).bind(5, ch.details).run();
        ins.reset();
        audit.append(actor, "roster." + toString(ch.kind), subjectFor(ch.kind, ch.subjectId),
                     "roster v" + std::to_string(version) + ": " + ch.details);
    }
    audit.append(actor, "roster.import", "roster:v" + std::to_string(version),
                 std::to_string(result.changes.size()) + " changes from " + source + ", content sha256 " + hash);
    tx.commit();
    result.changed = true;
    result.version = version;
    return result;
}

} // namespace scanstation::core::import
