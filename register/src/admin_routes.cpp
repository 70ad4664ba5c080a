// Loopback-only administration of the reference register, for tests and the demo: seed a
// roster, lock a period, enter values "online" as a teacher would, read what was received,
// change the fault mode. Not part of sync/openapi.yaml: a real register has its own UI.
#include "register_server.hpp"

#include "record_processor.hpp"
#include "util.hpp"

#include <httplib.h>

namespace scanstation::reg {

using nlohmann::json;

namespace {
// lessonSlots: the register's timetable (the extension's lessonSlots list), seeded alike.
const char* const kResources[] = {"orgs", "academicSessions", "classes", "users", "enrollments", "lessonSlots"};

std::string refId(const json& object, const char* key) {
    return object.contains(key) && object[key].is_object() ? object[key].value("sourcedId", std::string()) : "";
}

void seedRecord(SqliteDb& db, const std::string& resource, json record) {
    if (!record.contains("dateLastModified")) record["dateLastModified"] = nowIso();
    if (!record.contains("status")) record["status"] = "active";
    const std::string id = record.value("sourcedId", std::string());
    if (id.empty()) throw std::invalid_argument(resource + ": a record has no sourcedId");
    auto q = db.query("INSERT OR REPLACE INTO roster (resource, sourced_id, date_last_modified, body) VALUES (?1,?2,?3,?4)");
    q.bind(1, resource).bind(2, id).bind(3, record["dateLastModified"].get<std::string>()).bind(4, record.dump()).run();
    const bool active = record["status"] == "active";
    if (resource == "users") {
        bool student = false;
        for (const auto& role : record.value("roles", json::array())) student = student || role.value("role", "") == "student";
        auto del = db.query("DELETE FROM student WHERE sourced_id = ?1");
        del.bind(1, id).run();
        if (student && active) {
            auto add = db.query("INSERT INTO student (sourced_id) VALUES (?1)");
            add.bind(1, id).run();
        }
    } else if (resource == "enrollments" && record.value("role", "") == "student") {
        const std::string classId = refId(record, "class"), userId = refId(record, "user");
        auto del = db.query("DELETE FROM enrollment WHERE class_id = ?1 AND user_id = ?2");
        del.bind(1, classId).bind(2, userId).run();
        if (active) {
            auto add = db.query("INSERT INTO enrollment (class_id, user_id) VALUES (?1, ?2)");
            add.bind(1, classId).bind(2, userId).run();
        }
    }
}

void answerJson(httplib::Response& res, const json& body) { res.set_content(body.dump(), "application/json"); }
} // namespace

void RegisterServer::addAdminRoutes(httplib::Server& server) {
    server.Post("/admin/roster", [this](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object()) {
            res.status = 400;
            return res.set_content(statusInfo("body: expected a JSON object"), "application/json");
        }
        std::lock_guard lock(m_mutex);
        WriteTransaction tx(m_db);
        int count = 0;
        try {
            for (const char* resource : kResources)
                for (const auto& record : body.value(resource, json::array())) {
                    seedRecord(m_db, resource, record);
                    ++count;
                }
        } catch (const std::exception& e) {
            res.status = 400;
            return res.set_content(statusInfo(e.what()), "application/json");
        }
        tx.commit();
        answerJson(res, {{"seeded", count}});
    });
    server.Post("/admin/lock", [this](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body, nullptr, false);
        std::lock_guard lock(m_mutex);
        auto q = m_db.query("INSERT INTO lock_period (class_id, first_date, last_date) VALUES (?1, ?2, ?3)");
        q.bind(1, body.value("class", "")).bind(2, body.value("firstDate", "")).bind(3, body.value("lastDate", "")).run();
        answerJson(res, {{"locked", true}});
    });
    server.Post("/admin/online", [this](const httplib::Request& req, httplib::Response& res) {
        // A teacher's entry made online: {"class","date","lessonNumber","student","code"}.
        const json b = json::parse(req.body, nullptr, false);
        std::lock_guard lock(m_mutex);
        auto q = m_db.query("INSERT INTO attendance (class_id, date, lesson, student_id, code, source, record_id) "
                            "VALUES (?1,?2,?3,?4,?5,'online',NULL) ON CONFLICT (class_id, date, lesson, student_id) "
                            "DO UPDATE SET code = ?5, source = 'online', record_id = NULL");
        q.bind(1, b.value("class", "")).bind(2, b.value("date", "")).bind(3, b.value("lessonNumber", std::int64_t{0}));
        q.bind(4, b.value("student", "")).bind(5, b.value("code", "")).run();
        answerJson(res, {{"entered", true}});
    });
    server.Get("/admin/stats", [this](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(m_mutex);
        auto scalar = [this](const char* sqlText) {
            auto q = m_db.query(sqlText);
            q.step();
            return q.integer(0);
        };
        json faults = json::object();
        auto q = m_db.query("SELECT kind, count(*) FROM fault_log GROUP BY kind");
        while (q.step()) faults[q.text(0)] = q.integer(1);
        answerJson(res, {{"receipts", scalar("SELECT count(*) FROM receipt")},
                         {"accepted", scalar("SELECT count(*) FROM receipt WHERE status = 'accepted'")},
                         {"rejected", scalar("SELECT count(*) FROM receipt WHERE status = 'rejected'")},
                         {"conflicts", scalar("SELECT count(*) FROM receipt WHERE status = 'conflict'")},
                         {"resends", scalar("SELECT coalesce(sum(times_received - 1), 0) FROM receipt")},
                         {"attendance", scalar("SELECT count(*) FROM attendance")},
                         {"topics", scalar("SELECT count(*) FROM topic")},
                         {"lineItems", scalar("SELECT count(*) FROM line_item")},
                         {"results", scalar("SELECT count(*) FROM result")},
                         {"batches", scalar("SELECT count(*) FROM idempotency")},
                         {"faults", faults}});
    });
    server.Get("/admin/receipts", [this](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(m_mutex);
        json items = json::array();
        auto q = m_db.query("SELECT record_id, status, times_received FROM receipt ORDER BY record_id");
        while (q.step()) items.push_back({{"recordId", q.text(0)}, {"status", q.text(1)}, {"timesReceived", q.integer(2)}});
        answerJson(res, {{"receipts", items}});
    });
    server.Post("/admin/faults", [this](const httplib::Request& req, httplib::Response& res) {
        try {
            const FaultSpec spec = parseFaultSpec(req.body);
            std::lock_guard lock(m_mutex);
            m_faults.arm(spec);
            answerJson(res, {{"rules", spec.rules.size()}});
        } catch (const std::invalid_argument& e) {
            res.status = 400;
            res.set_content(statusInfo(e.what()), "application/json");
        }
    });
}

} // namespace scanstation::reg
