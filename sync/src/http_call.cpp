#include "http_call.hpp"

#include "scanstation/core/error.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace scanstation::sync::detail {

namespace {

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t appendBody(char* data, size_t size, size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

size_t readHeader(char* data, size_t size, size_t count, void* target) {
    auto* response = static_cast<HttpResponse*>(target);
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        if (name == "retry-after") response->retryAfter = value;
        if (name == "idempotent-replayed") response->replayed = value;
    }
    return size * count;
}

std::string plainWordsFor(CURLcode code, const std::string& url, const char* detail) {
    // TLS 1.3: a server that requires a client certificate says so in an alert after the
    // handshake, which libcurl reports as a broken receive.
    if (std::string(detail).find("certificate required") != std::string::npos)
        return std::string("the register requires a client certificate, and ours was missing or not accepted (TLS: ") +
               detail + ")";
    switch (code) {
    case CURLE_COULDNT_CONNECT: return "the register at " + url + " refused the connection (is it running?)";
    case CURLE_COULDNT_RESOLVE_HOST: return "the register's address could not be found (" + url + ")";
    case CURLE_OPERATION_TIMEDOUT: return "the register did not answer in time (" + url + ")";
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return std::string("the connection to the register broke before its answer arrived (") + detail + ")";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
        return std::string("the register's identity could not be verified (TLS: ") + detail + ")";
    case CURLE_SSL_CERTPROBLEM:
        return std::string("our client certificate or key could not be used (TLS: ") + detail + ")";
    default: return std::string("the register could not be reached: ") + detail;
    }
}

} // namespace

UrlFacts inspectUrl(const std::string& url) {
    globalInit();
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        throw Error(ErrorKind::BadInput, "register URL '" + url + "' is not a valid URL");
    UrlFacts facts;
    char* part = nullptr;
    if (curl_url_get(handle.get(), CURLUPART_SCHEME, &part, 0) == CURLUE_OK) facts.scheme = part;
    curl_free(part);
    part = nullptr;
    if (curl_url_get(handle.get(), CURLUPART_HOST, &part, 0) == CURLUE_OK) facts.host = part;
    curl_free(part);
    facts.loopback = facts.host == "127.0.0.1" || facts.host == "[::1]" || facts.host == "::1" || facts.host == "localhost";
    return facts;
}

std::string urlEncode(const std::string& text) {
    globalInit();
    char* encoded = curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
    std::string out = encoded ? encoded : "";
    curl_free(encoded);
    return out;
}

HttpResponse perform(const HttpRequest& request) {
    globalInit();
    HttpResponse response;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw Error(ErrorKind::Infrastructure, "libcurl could not create a handle");
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerGuard(headers, curl_slist_free_all);
    char errorBuffer[CURL_ERROR_SIZE] = {0};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, request.allowPlainHttp ? "http,https" : "https");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, request.caFile.c_str());
    if (!request.clientCertFile.empty()) curl_easy_setopt(h, CURLOPT_SSLCERT, request.clientCertFile.c_str());
    if (!request.clientKeyFile.empty()) curl_easy_setopt(h, CURLOPT_SSLKEY, request.clientKeyFile.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, readHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response);
    if (request.method == "POST" || request.method == "PUT") {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        if (request.method == "PUT") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "PUT");
    }
    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
        response.transportError = plainWordsFor(code, request.url, errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
        // A register that requires client certificates may close the connection before its TLS
        // alert is read: say what the likely cause is when we presented none.
        const bool broken = code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING ||
                            code == CURLE_SSL_CONNECT_ERROR;
        if (broken && request.clientCertFile.empty() && request.url.rfind("https:", 0) == 0 &&
            response.transportError.find("client certificate") == std::string::npos)
            response.transportError += "; if the register requires a client certificate, none is configured";
        return response;
    }
    response.transportOk = true;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

} // namespace scanstation::sync::detail
