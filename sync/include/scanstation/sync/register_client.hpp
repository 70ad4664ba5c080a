#pragma once
// The station's client of the register API (sync/openapi.yaml), over libcurl.
//  - TLS verification is always on; plain http is refused unless `allowPlainHttp` is set AND the
//    host is loopback (the reference register in tests and the demo).
//  - OAuth 2 client credentials: a token is fetched when needed, and again when it expires or
//    the register refuses it (401), once per request; or a client certificate (mutual TLS).
//  - Every failure comes back as a value with plain words for people; nothing is retried here
//    (the worker decides when to try again).
#include "scanstation/core/outbox.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::sync {

struct RegisterEndpoint {
    std::string baseUrl;      // e.g. "https://register.school.example" or "http://127.0.0.1:8080"
    std::string clientId;     // OAuth 2 client credentials; empty: no token (client certificate)
    std::string clientSecret;
    bool allowPlainHttp = false; // only honoured for 127.0.0.1 / ::1 / localhost
    std::string caFile;       // extra CA bundle to verify the register (optional)
    std::string clientCertFile; // PEM client certificate and key (optional, mutual TLS)
    std::string clientKeyFile;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};
};

// Why a request did not give an answer to act on.
enum class FailureKind {
    None,
    Network,      // no connection, timeout, connection broken before the answer
    ServerError,  // 5xx
    Busy,         // 429 or 503: the register asked us to wait (see retryAfter)
    BadAnswer,    // the answer was not what the document promises (garbage, wrong shape)
    Unauthorized, // 401 even with a fresh token, or the token endpoint refused us
    KeyReused,    // 422: this Idempotency-Key was used with another body
    Refused,      // another 4xx: the request itself is wrong (a bug; kept waiting, reported)
};

struct BatchAnswer {
    FailureKind failure = FailureKind::None;
    std::string plainWords;                 // for people, when failure != None
    std::optional<std::chrono::seconds> retryAfter;
    bool replayed = false;                  // the register replayed its stored answer
    std::vector<core::RegisterOutcome> outcomes;
};

struct RosterPage {
    FailureKind failure = FailureKind::None;
    std::string plainWords;
    std::optional<std::chrono::seconds> retryAfter;
    std::vector<std::string> recordsJson; // each record as the register sent it
    std::vector<std::string> sourcedIds;
    std::vector<std::string> modified;    // dateLastModified of each record
};

class RegisterClient {
public:
    // Throws Error{BadInput} for a URL the client will not use (http to a non-loopback host,
    // http without allowPlainHttp, unknown scheme).
    explicit RegisterClient(RegisterEndpoint endpoint);
    ~RegisterClient();
    RegisterClient(const RegisterClient&) = delete;
    RegisterClient& operator=(const RegisterClient&) = delete;

    BatchAnswer sendBatch(const std::string& idempotencyKey, const std::vector<core::OutboxRecord>& records);
    // GET one page of a OneRoster resource modified at or after `since` (empty: everything).
    RosterPage rosterPage(const std::string& resource, const std::string& since, int limit, int offset);
    // GET one page of the timetable extension (lessonSlots), same paging and filter.
    RosterPage lessonSlotPage(const std::string& since, int limit, int offset);

    // Reference register only (loopback admin route): loads a roster (oneroster_json.hpp).
    // Returns plain words of the failure, empty on success.
    std::string seedReferenceRegister(const std::string& rosterJson);

    const RegisterEndpoint& endpoint() const { return m_endpoint; }
    int tokensFetched() const; // how many tokens this client asked for (tests, status)

    // The JSON body sendBatch sends (deterministic: a resend is byte-identical).
    static std::string batchBody(const std::vector<core::OutboxRecord>& records);

private:
    RosterPage listPage(const std::string& basePath, const std::string& resource, const std::string& since, int limit,
                        int offset);

    struct Impl;
    RegisterEndpoint m_endpoint;
    std::unique_ptr<Impl> m_impl;
};

} // namespace scanstation::sync
