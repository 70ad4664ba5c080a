#include "wire_format.hpp"

#include "scanstation/core/sync_review.hpp"

namespace scanstation::sync::detail {

using nlohmann::json;

namespace {

json lessonRef(const core::OutboxRecord& r) {
    return {{"class", {{"sourcedId", r.classId}}}, {"date", r.date}, {"lessonNumber", r.lessonNumber}};
}

// The station's present code is "ob" (Librus); the wire says "present".
std::string wireAttendanceCode(const std::string& code) { return code == "ob" ? "present" : code; }

} // namespace

json toWire(const core::OutboxRecord& r) {
    json record{{"recordId", r.recordId}, {"kind", core::toString(r.kind)}, {"cardSerial", r.cardSerial}};
    switch (r.kind) {
    case core::OutboxKind::LessonTopic: {
        json topic{{"lesson", lessonRef(r)}, {"topic", r.value}, {"substitution", r.substitution}};
        if (!r.teacherId.empty()) topic["teacher"] = {{"sourcedId", r.teacherId}};
        record["lessonTopic"] = topic;
        break;
    }
    case core::OutboxKind::Attendance:
        record["attendance"] = {{"lesson", lessonRef(r)},
                                {"student", {{"sourcedId", r.pupilId}}},
                                {"code", wireAttendanceCode(r.value)}};
        break;
    case core::OutboxKind::LineItem:
        record["lineItem"] = {{"sourcedId", r.lineItemId},
                              {"title", (r.value.empty() ? std::string("grades") : r.value) + " " + r.date +
                                            " lesson " + std::to_string(r.lessonNumber)},
                              {"assignDate", r.date},
                              {"class", {{"sourcedId", r.classId}}},
                              {"metadata",
                               {{"category", r.category},
                                {"weight", r.weight},
                                {"countsInAverage", r.countsInAverage},
                                {"lesson", lessonRef(r)}}}};
        break;
    case core::OutboxKind::Result:
        // A corrected resend addresses the same result as the record it supersedes.
        record["result"] = {{"sourcedId", core::baseRecordId(r.recordId)},
                            {"lineItem", {{"sourcedId", r.lineItemId}}},
                            {"student", {{"sourcedId", r.pupilId}}},
                            {"scoreStatus", r.value == "0" ? "not submitted" : "fully graded"},
                            {"textScore", r.value},
                            {"scoreDate", r.date}};
        break;
    }
    if (!r.supersedes.empty()) {
        record["supersedes"] = {{"recordId", r.supersedes}};
        if (r.registerValue) record["supersedes"]["registerValue"] = *r.registerValue;
    }
    return record;
}

std::optional<std::vector<core::RegisterOutcome>> parseOutcomes(const std::string& text, std::string& problem) {
    const json body = json::parse(text, nullptr, false);
    if (body.is_discarded()) {
        problem = "the register's answer is not JSON";
        return std::nullopt;
    }
    if (!body.is_object() || !body.contains("outcomes") || !body["outcomes"].is_array()) {
        problem = "the register's answer has no 'outcomes' array";
        return std::nullopt;
    }
    std::vector<core::RegisterOutcome> outcomes;
    int index = 0;
    for (const auto& item : body["outcomes"]) {
        const std::string path = "outcomes[" + std::to_string(index++) + "]";
        if (!item.is_object() || !item.contains("recordId") || !item["recordId"].is_string() ||
            !item.contains("status") || !item["status"].is_string()) {
            problem = path + " lacks recordId or status";
            return std::nullopt;
        }
        core::RegisterOutcome outcome;
        outcome.recordId = item["recordId"].get<std::string>();
        const std::string status = item["status"].get<std::string>();
        if (status == "accepted") outcome.verdict = core::RegisterVerdict::Accepted;
        else if (status == "rejected") outcome.verdict = core::RegisterVerdict::Rejected;
        else if (status == "conflict") outcome.verdict = core::RegisterVerdict::Conflict;
        else {
            problem = path + ".status '" + status + "' is not accepted, rejected or conflict";
            return std::nullopt;
        }
        // Optional texts: absent is fine, any other type is a malformed answer, not a crash.
        for (auto [key, target] : {std::pair{"reason", &outcome.reason},
                                   std::pair{"message", &outcome.message},
                                   std::pair{"currentValue", &outcome.currentValue}}) {
            if (!item.contains(key))
                continue;
            if (!item[key].is_string()) {
                problem = path + "." + key + " is not a string";
                return std::nullopt;
            }
            *target = item[key].get<std::string>();
        }
        outcomes.push_back(outcome);
    }
    return outcomes;
}

} // namespace scanstation::sync::detail
