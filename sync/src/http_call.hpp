#pragma once
// One HTTP request over libcurl, and plain words for its failures. Internal to sync.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scanstation::sync::detail {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool allowPlainHttp = false;
    std::string caFile, clientCertFile, clientKeyFile;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds timeout{30000};
};

struct HttpResponse {
    bool transportOk = false;
    std::string transportError; // plain words when !transportOk
    long status = 0;
    std::string body;
    std::optional<std::string> retryAfter;
    std::optional<std::string> replayed; // Idempotent-Replayed header
};

HttpResponse perform(const HttpRequest& request);

// "http" or "https" and whether the host is loopback; throws Error{BadInput} for a bad URL.
struct UrlFacts {
    std::string scheme;
    std::string host;
    bool loopback = false;
};
UrlFacts inspectUrl(const std::string& url);

std::string urlEncode(const std::string& text);

} // namespace scanstation::sync::detail
