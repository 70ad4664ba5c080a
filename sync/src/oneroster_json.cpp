// The station's roster as OneRoster 1.2 JSON records, in the shape of the rostering API and of
// the reference register's seed route (POST /admin/roster).
#include "scanstation/sync/oneroster_json.hpp"

#include <nlohmann/json.hpp>

namespace scanstation::sync {

using nlohmann::json;

std::string oneRosterJson(const core::RosterSnapshot& roster, const std::string& modified) {
    const auto stamp = [&](json record) {
        if (!modified.empty()) record["dateLastModified"] = modified;
        return record;
    };
    const std::string schoolId = roster.school ? roster.school->sourcedId : "school";
    json out{{"orgs", json::array()},
             {"academicSessions", json::array()},
             {"classes", json::array()},
             {"users", json::array()},
             {"enrollments", json::array()}};
    if (roster.schoolYear)
        out["academicSessions"].push_back(stamp({{"sourcedId", roster.schoolYear->sourcedId},
                                                 {"title", roster.schoolYear->title}, {"type", "schoolYear"},
                                                 {"startDate", roster.schoolYear->start.toString()},
                                                 {"endDate", roster.schoolYear->end.toString()},
                                                 {"schoolYear", roster.schoolYear->end.toString().substr(0, 4)}}));
    for (const auto& t : roster.terms)
        out["academicSessions"].push_back(stamp({{"sourcedId", t.sourcedId}, {"title", t.title}, {"type", "term"},
                                                 {"startDate", t.start.toString()}, {"endDate", t.end.toString()},
                                                 {"schoolYear", t.end.toString().substr(0, 4)}}));
    out["orgs"].push_back(stamp({{"sourcedId", schoolId}, {"name", roster.school ? roster.school->name : "School"},
                                 {"type", "school"}}));
    const json school{{"sourcedId", schoolId}};
    for (const auto& c : roster.classes) {
        out["classes"].push_back(stamp({{"sourcedId", c.sourcedId}, {"title", c.title}, {"classCode", c.code},
                                        {"classType", "homeroom"}, {"school", school}}));
        if (c.classTeacherId)
            out["enrollments"].push_back(stamp({{"sourcedId", "e-" + c.sourcedId + "-" + *c.classTeacherId},
                                                {"role", "teacher"}, {"primary", true},
                                                {"user", {{"sourcedId", *c.classTeacherId}}},
                                                {"class", {{"sourcedId", c.sourcedId}}}, {"school", school}}));
    }
    for (const auto& g : roster.groups) {
        json group{{"sourcedId", g.sourcedId}, {"title", g.title}, {"classCode", g.code},
                   {"classType", "scheduled"}, {"school", school}};
        if (g.subjectCode) group["subjects"] = json::array({*g.subjectCode});
        out["classes"].push_back(stamp(group));
        for (const auto& t : g.teacherIds)
            out["enrollments"].push_back(stamp({{"sourcedId", "e-" + g.sourcedId + "-" + t}, {"role", "teacher"},
                                                {"user", {{"sourcedId", t}}}, {"class", {{"sourcedId", g.sourcedId}}},
                                                {"school", school}}));
        for (const auto& p : g.pupilIds)
            out["enrollments"].push_back(stamp({{"sourcedId", "e-" + g.sourcedId + "-" + p}, {"role", "student"},
                                                {"user", {{"sourcedId", p}}}, {"class", {{"sourcedId", g.sourcedId}}},
                                                {"school", school}}));
    }
    for (const auto& p : roster.pupils) {
        out["users"].push_back(stamp({{"sourcedId", p.sourcedId}, {"enabledUser", true}, {"givenName", p.givenName},
                                      {"familyName", p.familyName},
                                      {"roles", json::array({{{"roleType", "primary"}, {"role", "student"}, {"org", school}}})}}));
        out["enrollments"].push_back(stamp({{"sourcedId", "e-" + p.classId + "-" + p.sourcedId}, {"role", "student"},
                                            {"user", {{"sourcedId", p.sourcedId}}}, {"class", {{"sourcedId", p.classId}}},
                                            {"school", school}, {"metadata", {{"registerNumber", p.registerNumber}}}}));
    }
    for (const auto& t : roster.teachers)
        out["users"].push_back(stamp({{"sourcedId", t.sourcedId}, {"enabledUser", true}, {"givenName", t.givenName},
                                      {"familyName", t.familyName},
                                      {"roles", json::array({{{"roleType", "primary"}, {"role", "teacher"}, {"org", school}}})}}));
    return out.dump();
}

} // namespace scanstation::sync
