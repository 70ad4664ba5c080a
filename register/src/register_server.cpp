#include "register_server.hpp"

#include "record_processor.hpp"
#include "register_schema.hpp"
#include "util.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <thread>

namespace scanstation::reg {

using nlohmann::json;

bool isLoopbackHost(const std::string& host) {
    return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

std::string statusInfo(const std::string& description, const std::string& severity) {
    return json{{"imsx_codeMajor", "failure"}, {"imsx_severity", severity}, {"imsx_description", description}}.dump();
}

namespace {
void sendError(httplib::Response& res, int status, const std::string& description) {
    res.status = status;
    res.set_content(statusInfo(description), "application/json");
}

// Sends headers announcing a body, then breaks the connection: the client sees a lost answer.
void dropConnection(httplib::Response& res) {
    res.status = 200;
    res.body.clear(); // httplib prefers a body to a content provider
    res.set_content_provider(
        1024, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
}
} // namespace

RegisterServer::RegisterServer(const RegisterOptions& options, unsigned processSalt)
    : m_options(options), m_db((options.dataDir / "register.sqlite3").string()),
      m_faults(m_db, parseFaultSpec(options.faultSpecText), processSalt) {
    createSchema(m_db);
    // Budgets are armed once per SPEC: a crash restart with the same SPEC keeps what is left.
    auto armed = m_db.query("SELECT value FROM register_meta WHERE name = 'faults_spec'");
    const bool sameSpec = armed.step() && armed.text(0) == options.faultSpecText;
    if (!sameSpec) {
        m_faults.arm(m_faults.spec());
        auto save = m_db.query("INSERT OR REPLACE INTO register_meta (name, value) VALUES ('faults_spec', ?1)");
        save.bind(1, options.faultSpecText).run();
    }
}

RegisterServer::~RegisterServer() = default;

bool RegisterServer::run() {
    std::unique_ptr<httplib::Server> server;
    if (!m_options.tlsCert.empty())
        server = std::make_unique<httplib::SSLServer>(
            m_options.tlsCert.c_str(), m_options.tlsKey.c_str(),
            m_options.tlsClientCa.empty() ? nullptr : m_options.tlsClientCa.c_str());
    else
        server = std::make_unique<httplib::Server>();
    if (!server->is_valid()) {
        std::cerr << "scanstation-register: cannot load TLS certificate or key\n";
        return false;
    }
    server->set_payload_max_length(16 * 1024 * 1024);
    addRoutes(*server);
    addRosterRoutes(*server);
    if (isLoopbackHost(m_options.host)) addAdminRoutes(*server);
    if (!server->bind_to_port(m_options.host, m_options.port)) {
        std::cerr << "scanstation-register: cannot listen on " << m_options.host << ":" << m_options.port << "\n";
        return false;
    }
    std::cout << "scanstation-register: listening on " << (m_options.tlsCert.empty() ? "http" : "https") << "://"
              << m_options.host << ":" << m_options.port
              << (m_options.tlsClientCa.empty() ? "" : " (client certificates required)") << std::endl;
    return server->listen_after_bind();
}

bool RegisterServer::applyFaultBefore(const std::string& fault, httplib::Response& res) {
    if (fault == "delay") std::this_thread::sleep_for(std::chrono::milliseconds(m_faults.spec().delayMs));
    if (fault == "expire-token") {
        std::lock_guard lock(m_mutex);
        m_db.exec("UPDATE token SET expires_at = 0");
    }
    if (fault == "revoke-token") {
        std::lock_guard lock(m_mutex);
        m_db.exec("UPDATE token SET revoked = 1");
    }
    if (fault == "drop-before") {
        dropConnection(res);
        return true;
    }
    if (fault == "500") {
        sendError(res, 500, "injected fault: internal error, nothing stored");
        return true;
    }
    if (fault == "503" || fault == "429") {
        res.set_header("Retry-After", std::to_string(m_faults.spec().retryAfterSeconds));
        sendError(res, fault == "503" ? 503 : 429, "injected fault: try again later");
        return true;
    }
    return false;
}

void RegisterServer::applyFaultAfter(const std::string& fault, httplib::Response& res) {
    if (fault == "crash") {
        std::cerr << "scanstation-register: injected crash after commit" << std::endl;
        std::_Exit(86);
    }
    if (fault == "drop-after") dropConnection(res);
    if (fault == "garbage") {
        res.status = 200;
        res.set_content("<html>502 Bad Gateway... {\"outcomes\": [", "application/json");
    }
}

bool RegisterServer::authorised(const httplib::Request& req, httplib::Response& res) {
    // Mutual TLS: the handshake already refused any client without a certificate of our CA.
    if (!m_options.tlsClientCa.empty()) return true;
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.compare(0, prefix.size(), prefix) != 0) {
        sendError(res, 401, "no bearer token");
        return false;
    }
    std::lock_guard lock(m_mutex);
    auto q = m_db.query("SELECT expires_at, revoked FROM token WHERE token = ?1");
    q.bind(1, header.substr(prefix.size()));
    if (!q.step()) {
        sendError(res, 401, "unknown token");
        return false;
    }
    if (q.integer(1) != 0 || q.integer(0) <= nowEpochSeconds()) {
        sendError(res, 401, q.integer(1) != 0 ? "token revoked" : "token expired");
        return false;
    }
    return true;
}

void RegisterServer::addRoutes(httplib::Server& server) {
    server.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
    server.Post("/oauth/token", [this](const httplib::Request& req, httplib::Response& res) { handleToken(req, res); });

    // Every /ims route: fault, then authentication, then the handler, then the after-fault.
    auto api = [this](auto handler) {
        return [this, handler](const httplib::Request& req, httplib::Response& res) {
            const bool isBatch = req.method == "POST";
            std::string fault;
            {
                std::lock_guard lock(m_mutex);
                fault = m_faults.draw(req.path);
            }
            if (fault == "conflict" && !isBatch) fault.clear();
            if (applyFaultBefore(fault, res)) return;
            if (!authorised(req, res)) return;
            handler(req, res, fault == "conflict");
            if (res.status < 300) applyFaultAfter(fault, res);
        };
    };
    server.Post("/ims/oneroster/ext/scanstation/v1p0/batches",
                api([this](const httplib::Request& req, httplib::Response& res, bool conflict) {
                    handleBatch(req, res, conflict);
                }));
    server.Put(R"(/ims/oneroster/gradebook/v1p2/(lineItems|results)/([A-Za-z0-9_.~:-]+))",
               api([this](const httplib::Request& req, httplib::Response& res, bool) {
                   handleSinglePut(req.matches[1] == "lineItems" ? "lineItem" : "result", req, res);
               }));
    server.Get(R"(/ims/oneroster/ext/scanstation/v1p0/lessons/([A-Za-z0-9_.~:-]+))",
               api([this](const httplib::Request& req, httplib::Response& res, bool) { handleLesson(req, res); }));
    // The timetable extension: lesson slots, listed exactly like a OneRoster resource.
    server.Get("/ims/oneroster/ext/scanstation/v1p0/lessonSlots",
               api([this](const httplib::Request& req, httplib::Response& res, bool) {
                   handleRosterList("lessonSlots", req, res);
               }));
    server.Get(R"(/ims/oneroster/rostering/v1p2/(orgs|academicSessions|classes|users|enrollments))",
               api([this](const httplib::Request& req, httplib::Response& res, bool) {
                   handleRosterList(req.matches[1], req, res);
               }));
}

void RegisterServer::handleToken(const httplib::Request& req, httplib::Response& res) {
    std::string id = req.get_param_value("client_id");
    std::string secret = req.get_param_value("client_secret");
    const std::string basic = req.get_header_value("Authorization");
    if (basic.rfind("Basic ", 0) == 0) {
        const std::string decoded = base64Decode(basic.substr(6));
        const auto colon = decoded.find(':');
        if (colon != std::string::npos) {
            id = decoded.substr(0, colon);
            secret = decoded.substr(colon + 1);
        }
    }
    if (req.get_param_value("grant_type") != "client_credentials") {
        res.status = 400;
        res.set_content(json{{"error", "unsupported_grant_type"}}.dump(), "application/json");
        return;
    }
    if (id != m_options.clientId || secret != m_options.clientSecret) {
        res.status = 401;
        res.set_content(json{{"error", "invalid_client"}, {"error_description", "unknown client or wrong secret"}}.dump(),
                        "application/json");
        return;
    }
    const std::string token = randomHex(24);
    {
        std::lock_guard lock(m_mutex);
        auto q = m_db.query("INSERT INTO token (token, expires_at) VALUES (?1, ?2)");
        q.bind(1, token).bind(2, nowEpochSeconds() + m_options.tokenTtlSeconds).run();
    }
    res.set_content(json{{"access_token", token}, {"token_type", "bearer"}, {"expires_in", m_options.tokenTtlSeconds}}.dump(),
                    "application/json");
}

void RegisterServer::handleBatch(const httplib::Request& req, httplib::Response& res, bool conflictFault) {
    static const std::regex kKey("^[A-Za-z0-9._:-]{8,128}$");
    const std::string key = req.get_header_value("Idempotency-Key");
    if (!std::regex_match(key, kKey)) return sendError(res, 400, "Idempotency-Key header missing or malformed");
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("records") || !body["records"].is_array())
        return sendError(res, 400, "body: expected an object with a 'records' array");
    const json& records = body["records"];
    if (records.empty() || records.size() > 1000) return sendError(res, 400, "records: 1..1000 records per batch");
    const std::string bodyHash = sha256Hex(req.body);

    std::lock_guard lock(m_mutex);
    auto stored = m_db.query("SELECT body_hash, http_status, answer FROM idempotency WHERE key = ?1");
    stored.bind(1, key);
    if (stored.step()) {
        if (stored.text(0) != bodyHash)
            return sendError(res, 422, "Idempotency-Key " + key + " was used before with a different body");
        res.status = static_cast<int>(stored.integer(1));
        res.set_header("Idempotent-Replayed", "true");
        res.set_content(stored.text(2), "application/json");
        return;
    }
    WriteTransaction tx(m_db);
    RecordProcessor processor(m_db);
    if (conflictFault) {
        for (const auto& record : records) {
            auto seen = m_db.query("SELECT 1 FROM receipt WHERE record_id = ?1");
            seen.bind(1, record.value("recordId", std::string()));
            const std::string kind = record.value("kind", std::string());
            if (!seen.step() && (kind == "attendance" || kind == "lessonTopic")) {
                processor.changeOnlineBefore(record);
                break;
            }
        }
    }
    json outcomes = json::array();
    for (const auto& record : records) outcomes.push_back(processor.process(record));
    const std::string answer = json{{"outcomes", outcomes}}.dump();
    auto save = m_db.query("INSERT INTO idempotency (key, body_hash, http_status, answer, created_at) "
                           "VALUES (?1, ?2, 200, ?3, ?4)");
    save.bind(1, key).bind(2, bodyHash).bind(3, answer).bind(4, nowIso()).run();
    tx.commit();
    res.set_header("Idempotent-Replayed", "false");
    res.set_content(answer, "application/json");
}

void RegisterServer::handleSinglePut(const std::string& kind, const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains(kind) || !body[kind].is_object())
        return sendError(res, 400, "body: expected an object with a '" + kind + "' object");
    json payload = body[kind];
    const std::string id = req.matches[2];
    payload["sourcedId"] = id;
    const json record{{"recordId", id}, {"kind", kind}, {kind, payload}};
    std::lock_guard lock(m_mutex);
    WriteTransaction tx(m_db);
    const json outcome = RecordProcessor(m_db).process(record);
    tx.commit();
    res.set_content(outcome.dump(), "application/json");
}

void RegisterServer::handleLesson(const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto first = id.find('~'), second = id.rfind('~');
    if (first == std::string::npos || first == second) return sendError(res, 404, "lesson id is class~date~number");
    const std::string classId = id.substr(0, first), date = id.substr(first + 1, second - first - 1);
    const std::int64_t number = std::atoll(id.c_str() + second + 1);
    std::lock_guard lock(m_mutex);
    json lesson{{"sourcedId", id},
                {"lesson", {{"class", {{"sourcedId", classId}}}, {"date", date}, {"lessonNumber", number}}},
                {"attendance", json::array()}};
    auto topic = m_db.query("SELECT topic, substitution FROM topic WHERE class_id=?1 AND date=?2 AND lesson=?3");
    topic.bind(1, classId).bind(2, date).bind(3, number);
    bool found = false;
    if (topic.step()) {
        found = true;
        lesson["topic"] = topic.text(0);
        lesson["substitution"] = topic.integer(1) != 0;
    }
    auto rows = m_db.query("SELECT student_id, code, source FROM attendance WHERE class_id=?1 AND date=?2 AND lesson=?3 "
                           "ORDER BY student_id");
    rows.bind(1, classId).bind(2, date).bind(3, number);
    while (rows.step()) {
        found = true;
        lesson["attendance"].push_back(
            {{"student", {{"sourcedId", rows.text(0)}}}, {"code", rows.text(1)}, {"source", rows.text(2)}});
    }
    auto locked = m_db.query("SELECT 1 FROM lock_period WHERE class_id=?1 AND first_date<=?2 AND last_date>=?2");
    locked.bind(1, classId).bind(2, date);
    lesson["locked"] = locked.step();
    if (!found) return sendError(res, 404, "no lesson " + id);
    res.set_content(json{{"lesson", lesson}}.dump(), "application/json");
}

} // namespace scanstation::reg
