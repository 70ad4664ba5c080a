#include "roster_snapshot.hpp"

#include "scanstation/core/roster_mirror.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace scanstation::sync::detail {

using nlohmann::json;

namespace {

std::vector<json> activeRecords(core::RosterMirror& mirror, const std::string& resource, std::vector<std::string>& problems) {
    std::vector<json> out;
    for (const auto& record : mirror.records(resource)) {
        json body = json::parse(record.body, nullptr, false);
        if (!body.is_object()) {
            problems.push_back(resource + " " + record.sourcedId + ": stored record is not JSON");
            continue;
        }
        if (body.value("status", "active") == "active") out.push_back(std::move(body));
    }
    return out;
}

std::string ref(const json& object, const char* key) {
    return object.contains(key) && object[key].is_object() ? object[key].value("sourcedId", "") : "";
}

std::string primaryRole(const json& user) {
    for (const auto& role : user.value("roles", json::array()))
        if (role.value("roleType", "") == "primary") return role.value("role", "");
    return user.contains("role") ? user.value("role", "") : "";
}

std::optional<core::Date> dateOf(const json& object, const char* key) {
    return core::Date::parse(object.value(key, ""));
}

} // namespace

core::RosterSnapshot snapshotFromMirror(core::Store& store, std::vector<std::string>& problems) {
    core::RosterMirror mirror(store);
    core::RosterSnapshot snapshot;
    for (const auto& org : activeRecords(mirror, "orgs", problems))
        if (org.value("type", "") == "school") snapshot.school = core::School{org["sourcedId"], org.value("name", "")};
    for (const auto& s : activeRecords(mirror, "academicSessions", problems)) {
        const auto start = dateOf(s, "startDate"), end = dateOf(s, "endDate");
        if (!start || !end) {
            problems.push_back("academicSessions " + s.value("sourcedId", "") + ": startDate or endDate is not a date");
            continue;
        }
        if (s.value("type", "") == "schoolYear") snapshot.schoolYear = core::SchoolYear{s["sourcedId"], s.value("title", ""), *start, *end};
        else snapshot.terms.push_back({s["sourcedId"], s.value("title", ""), *start, *end});
    }
    std::set<std::string> subjectCodes;
    std::map<std::string, size_t> groupIndex;
    std::set<std::string> homerooms;
    for (const auto& c : activeRecords(mirror, "classes", problems)) {
        const std::string code = c.value("classCode", c.value("title", ""));
        const auto subjects = c.value("subjects", json::array());
        if (c.value("classType", "") == "scheduled") {
            core::ClassGroup group{c["sourcedId"], code, c.value("title", ""), std::nullopt, {}, {}};
            if (!subjects.empty()) group.subjectCode = subjects.front().get<std::string>();
            if (group.subjectCode) subjectCodes.insert(*group.subjectCode);
            groupIndex[group.sourcedId] = snapshot.groups.size();
            snapshot.groups.push_back(group);
        } else {
            snapshot.classes.push_back({c["sourcedId"], code, c.value("title", ""), std::nullopt});
            homerooms.insert(c["sourcedId"]);
        }
    }
    std::map<std::string, json> users;
    for (const auto& u : activeRecords(mirror, "users", problems)) users[u["sourcedId"]] = u;
    std::map<std::string, core::Pupil> pupils;
    for (const auto& e : activeRecords(mirror, "enrollments", problems)) {
        const std::string user = ref(e, "user"), cls = ref(e, "class"), role = e.value("role", "");
        if (!users.count(user)) continue; // enrollment of a user the register no longer lists
        if (const auto g = groupIndex.find(cls); g != groupIndex.end()) {
            auto& list = role == "teacher" ? snapshot.groups[g->second].teacherIds : snapshot.groups[g->second].pupilIds;
            list.push_back(user);
        } else if (homerooms.count(cls) && role == "student") {
            const json& u = users[user];
            core::Pupil pupil{user, u.value("givenName", ""), u.value("familyName", ""), cls, 0, core::PupilStatus::Active};
            const auto meta = e.value("metadata", json::object());
            if (meta.contains("registerNumber")) pupil.registerNumber = meta["registerNumber"].get<int>();
            pupils[user] = pupil;
        } else if (homerooms.count(cls) && role == "teacher") {
            for (auto& c : snapshot.classes)
                if (c.sourcedId == cls && e.value("primary", false)) c.classTeacherId = user;
        }
    }
    for (const auto& [id, u] : users)
        if (primaryRole(u) == "teacher") snapshot.teachers.push_back({id, u.value("givenName", ""), u.value("familyName", "")});
    // Register numbers the register did not give: alphabetical within the class (ONEROSTER.md).
    std::map<std::string, std::vector<core::Pupil*>> byClass;
    for (auto& [id, p] : pupils) byClass[p.classId].push_back(&p);
    for (auto& [cls, list] : byClass) {
        if (std::any_of(list.begin(), list.end(), [](auto* p) { return p->registerNumber > 0; })) continue;
        std::sort(list.begin(), list.end(), [](auto* a, auto* b) {
            return std::tie(a->familyName, a->givenName, a->sourcedId) < std::tie(b->familyName, b->givenName, b->sourcedId);
        });
        for (size_t i = 0; i < list.size(); ++i) list[i]->registerNumber = static_cast<int>(i + 1);
    }
    for (auto& [id, p] : pupils) snapshot.pupils.push_back(p);
    snapshot.subjects = core::Roster(store).subjects();
    for (const auto& code : subjectCodes)
        if (std::none_of(snapshot.subjects.begin(), snapshot.subjects.end(), [&](const auto& s) { return s.code == code; }))
            snapshot.subjects.push_back({code, code});
    return snapshot;
}

} // namespace scanstation::sync::detail
