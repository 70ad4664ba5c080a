#pragma once
// The HTTP side of the reference register: routes of sync/openapi.yaml plus loopback-only admin
// routes (seed a roster, lock a period, enter a value online, read what was received).
#include "faults.hpp"
#include "sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <mutex>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace scanstation::reg {

struct RegisterOptions {
    std::string host = "127.0.0.1";
    int port = 0;
    std::filesystem::path dataDir;
    std::string faultSpecText;
    std::string clientId = "scanstation";
    std::string clientSecret = "scanstation-secret";
    int tokenTtlSeconds = 3600;
    std::string tlsCert; // both set: serve HTTPS
    std::string tlsKey;
    // Set: mutual TLS. A client must present a certificate signed by this CA bundle; that
    // certificate is then its credential (no bearer token needed).
    std::string tlsClientCa;
};

bool isLoopbackHost(const std::string& host);

class RegisterServer {
public:
    RegisterServer(const RegisterOptions& options, unsigned processSalt);
    ~RegisterServer();

    // Binds and serves until the process ends. Returns false when the port cannot be bound.
    bool run();

private:
    void addRoutes(httplib::Server& server);
    void addRosterRoutes(httplib::Server& server);
    void addAdminRoutes(httplib::Server& server);

    // Fault handling around one API request: returns true when the fault already answered.
    bool applyFaultBefore(const std::string& fault, httplib::Response& res);
    void applyFaultAfter(const std::string& fault, httplib::Response& res);
    bool authorised(const httplib::Request& req, httplib::Response& res);

    void handleToken(const httplib::Request& req, httplib::Response& res);
    void handleBatch(const httplib::Request& req, httplib::Response& res, bool conflictFault);
    void handleSinglePut(const std::string& kind, const httplib::Request& req, httplib::Response& res);
    void handleRosterList(const std::string& resource, const httplib::Request& req, httplib::Response& res);
    void handleLesson(const httplib::Request& req, httplib::Response& res);

    RegisterOptions m_options;
    SqliteDb m_db;
    FaultInjector m_faults;
    std::mutex m_mutex; // one SQLite connection, one request at a time
};

// OneRoster imsx_StatusInfo error body.
std::string statusInfo(const std::string& description, const std::string& severity = "error");

} // namespace scanstation::reg
