#include "scanstation/sync/register_client.hpp"

#include "http_call.hpp"
#include "scanstation/core/error.hpp"
#include "wire_format.hpp"

#include <nlohmann/json.hpp>

#include <mutex>

namespace scanstation::sync {

using nlohmann::json;

struct RegisterClient::Impl {
    std::string token;
    std::chrono::steady_clock::time_point tokenExpires{};
    int tokensFetched = 0;

    // Sends `request` with a bearer token; fetches a token first when none is valid, and once
    // more after a 401 (expired or revoked). `tokenProblem` is set when no token was obtained.
    detail::HttpResponse withToken(const RegisterEndpoint& e, detail::HttpRequest request, std::string& tokenProblem);
    bool fetchToken(const RegisterEndpoint& e, std::string& tokenProblem);
    struct Answered;
    Answered call(const RegisterEndpoint& e, const detail::HttpRequest& request);
};

RegisterClient::RegisterClient(RegisterEndpoint endpoint) : m_endpoint(std::move(endpoint)), m_impl(std::make_unique<Impl>()) {
    while (!m_endpoint.baseUrl.empty() && m_endpoint.baseUrl.back() == '/') m_endpoint.baseUrl.pop_back();
    const auto facts = detail::inspectUrl(m_endpoint.baseUrl);
    if (facts.scheme == "http") {
        if (!m_endpoint.allowPlainHttp)
            throw Error(ErrorKind::BadInput, "register URL " + m_endpoint.baseUrl +
                                                 " is plain http; use https, or allow http explicitly for loopback");
        if (!facts.loopback)
            throw Error(ErrorKind::BadInput, "plain http is allowed only to 127.0.0.1, ::1 or localhost, not " + facts.host);
    } else if (facts.scheme != "https") {
        throw Error(ErrorKind::BadInput, "register URL " + m_endpoint.baseUrl + " must be https");
    }
}

RegisterClient::~RegisterClient() = default;

int RegisterClient::tokensFetched() const { return m_impl->tokensFetched; }

namespace {

detail::HttpRequest baseRequest(const RegisterEndpoint& e) {
    detail::HttpRequest request;
    request.allowPlainHttp = e.allowPlainHttp;
    request.caFile = e.caFile;
    request.clientCertFile = e.clientCertFile;
    request.clientKeyFile = e.clientKeyFile;
    request.connectTimeout = e.connectTimeout;
    request.timeout = e.requestTimeout;
    return request;
}

std::optional<std::chrono::seconds> retryAfterOf(const detail::HttpResponse& response) {
    if (!response.retryAfter) return std::nullopt;
    try {
        return std::chrono::seconds(std::stoll(*response.retryAfter));
    } catch (const std::exception&) {
        return std::chrono::seconds(5); // an HTTP date: wait a little rather than not at all
    }
}

// Classifies an answer that is not a success. Plain words name the HTTP status.
FailureKind classify(const detail::HttpResponse& response, std::string& words) {
    if (!response.transportOk) {
        words = response.transportError;
        return FailureKind::Network;
    }
    const long s = response.status;
    const std::string code = " (HTTP " + std::to_string(s) + ")";
    if (s == 401) return words = "the register refused our credentials" + code, FailureKind::Unauthorized;
    if (s == 422) return words = "the register refused a resent batch as different from the first" + code, FailureKind::KeyReused;
    if (s == 429 || s == 503) return words = "the register asked us to wait" + code, FailureKind::Busy;
    if (s >= 500) return words = "the register failed while handling our request" + code, FailureKind::ServerError;
    return words = "the register refused the request as malformed" + code + ": " + response.body.substr(0, 200),
           FailureKind::Refused;
}

} // namespace

std::string RegisterClient::batchBody(const std::vector<core::OutboxRecord>& records) {
    json list = json::array();
    for (const auto& record : records) list.push_back(detail::toWire(record));
    return json{{"records", list}}.dump();
}

bool RegisterClient::Impl::fetchToken(const RegisterEndpoint& e, std::string& tokenProblem) {
    detail::HttpRequest request = baseRequest(e);
    request.method = "POST";
    request.url = e.baseUrl + "/oauth/token";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = "grant_type=client_credentials&client_id=" + detail::urlEncode(e.clientId) +
                   "&client_secret=" + detail::urlEncode(e.clientSecret);
    const auto response = detail::perform(request);
    ++tokensFetched;
    if (!response.transportOk || response.status != 200) {
        std::string words;
        classify(response, words);
        tokenProblem = "could not get an access token: " + words;
        return false;
    }
    const json body = json::parse(response.body, nullptr, false);
    if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string()) {
        tokenProblem = "the register's token answer has no access_token";
        return false;
    }
    token = body["access_token"].get<std::string>();
    const auto lifetime = std::chrono::seconds(body.value("expires_in", 60));
    // Renew a little early so that a token does not expire between the check and its use.
    tokenExpires = std::chrono::steady_clock::now() + lifetime - std::min(lifetime / 10, std::chrono::seconds(30));
    return true;
}

detail::HttpResponse RegisterClient::Impl::withToken(const RegisterEndpoint& e, detail::HttpRequest request,
                                                     std::string& tokenProblem) {
    if (e.clientId.empty()) return detail::perform(request); // client certificate only
    const auto originalHeaders = request.headers;
    detail::HttpResponse response;
    for (int round = 0; round < 2; ++round) {
        if (token.empty() || std::chrono::steady_clock::now() >= tokenExpires) {
            token.clear();
            if (!fetchToken(e, tokenProblem)) return detail::HttpResponse{};
        }
        request.headers = originalHeaders;
        request.headers.emplace_back("Authorization", "Bearer " + token);
        response = detail::perform(request);
        if (!(response.transportOk && response.status == 401)) return response;
        token.clear(); // expired or revoked: ask for a new one, once
    }
    return response;
}

// An API call's answer, or why there is none to act on (no token, no connection, not 200).
struct RegisterClient::Impl::Answered {
    detail::HttpResponse response;
    FailureKind failure = FailureKind::None;
    std::string plainWords;
    std::optional<std::chrono::seconds> retryAfter;

    // Copies the failure into a public answer (BatchAnswer, RosterPage); true when failed.
    template <class Answer>
    bool failedInto(Answer& answer) const {
        answer.failure = failure;
        answer.plainWords = plainWords;
        answer.retryAfter = retryAfter;
        return failure != FailureKind::None;
    }
};

RegisterClient::Impl::Answered RegisterClient::Impl::call(const RegisterEndpoint& e, const detail::HttpRequest& request) {
    Answered answered;
    std::string tokenProblem;
    answered.response = withToken(e, request, tokenProblem);
    if (!tokenProblem.empty()) {
        answered.failure = FailureKind::Unauthorized;
        answered.plainWords = tokenProblem;
        return answered;
    }
    answered.retryAfter = retryAfterOf(answered.response);
    if (!answered.response.transportOk || answered.response.status != 200)
        answered.failure = classify(answered.response, answered.plainWords);
    return answered;
}

BatchAnswer RegisterClient::sendBatch(const std::string& idempotencyKey, const std::vector<core::OutboxRecord>& records) {
    detail::HttpRequest request = baseRequest(m_endpoint);
    request.method = "POST";
    request.url = m_endpoint.baseUrl + "/ims/oneroster/ext/scanstation/v1p0/batches";
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"},
                       {"Idempotency-Key", idempotencyKey}};
    request.body = batchBody(records);
    const auto answered = m_impl->call(m_endpoint, request);
    BatchAnswer answer;
    if (answered.failedInto(answer)) return answer;
    answer.replayed = answered.response.replayed && *answered.response.replayed == "true";
    std::string problem;
    auto outcomes = detail::parseOutcomes(answered.response.body, problem);
    if (!outcomes) {
        answer.failure = FailureKind::BadAnswer;
        answer.plainWords = problem;
        return answer;
    }
    answer.outcomes = std::move(*outcomes);
    return answer;
}

std::string RegisterClient::seedReferenceRegister(const std::string& rosterJson) {
    if (!detail::inspectUrl(m_endpoint.baseUrl).loopback) return "only a reference register on loopback can be seeded";
    detail::HttpRequest request = baseRequest(m_endpoint);
    request.method = "POST";
    request.url = m_endpoint.baseUrl + "/admin/roster";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = rosterJson;
    const auto response = detail::perform(request);
    if (response.transportOk && response.status == 200) return "";
    std::string words;
    classify(response, words);
    return words;
}

RosterPage RegisterClient::rosterPage(const std::string& resource, const std::string& since, int limit, int offset) {
    return listPage("/ims/oneroster/rostering/v1p2/", resource, since, limit, offset);
}

RosterPage RegisterClient::lessonSlotPage(const std::string& since, int limit, int offset) {
    return listPage("/ims/oneroster/ext/scanstation/v1p0/", "lessonSlots", since, limit, offset);
}

// One page of a list in the OneRoster style: {"<resource>": [records with sourcedId and
// dateLastModified]}, ordered by (dateLastModified, sourcedId).
RosterPage RegisterClient::listPage(const std::string& basePath, const std::string& resource, const std::string& since,
                                    int limit, int offset) {
    detail::HttpRequest request = baseRequest(m_endpoint);
    request.url = m_endpoint.baseUrl + basePath + resource + "?limit=" + std::to_string(limit) +
                  "&offset=" + std::to_string(offset) + "&sort=dateLastModified&orderBy=asc";
    if (!since.empty()) request.url += "&filter=" + detail::urlEncode("dateLastModified>='" + since + "'");
    request.headers = {{"Accept", "application/json"}};
    const auto answered = m_impl->call(m_endpoint, request);
    RosterPage page;
    if (answered.failedInto(page)) return page;
    const json body = json::parse(answered.response.body, nullptr, false);
    if (!body.is_object() || !body.contains(resource) || !body[resource].is_array()) {
        page.failure = FailureKind::BadAnswer;
        page.plainWords = "the register's " + resource + " page has no '" + resource + "' array";
        return page;
    }
    int index = 0;
    for (const auto& item : body[resource]) {
        const std::string path = resource + "[" + std::to_string(index++) + "]";
        if (!item.is_object() || !item.contains("sourcedId") || !item["sourcedId"].is_string() ||
            !item.contains("dateLastModified") || !item["dateLastModified"].is_string()) {
            page.failure = FailureKind::BadAnswer;
            page.plainWords = path + " lacks a sourcedId or dateLastModified string";
            return page;
        }
        page.recordsJson.push_back(item.dump());
        page.sourcedIds.push_back(item["sourcedId"].get<std::string>());
        page.modified.push_back(item["dateLastModified"].get<std::string>());
    }
    return page;
}

} // namespace scanstation::sync
