// OneRoster rostering reads: limit/offset paging, filter=dateLastModified>'T' or >='T', always
// ordered by (dateLastModified, sourcedId) so that a client's (timestamp, id) cursor is exact.
#include "register_server.hpp"

#include <httplib.h>

#include <regex>

namespace scanstation::reg {

using nlohmann::json;

void RegisterServer::addRosterRoutes(httplib::Server&) {
    // The rostering routes are registered with the other /ims routes in addRoutes (they share
    // the fault and authentication wrapper); this hook stays for symmetry with addAdminRoutes.
}

namespace {
bool readInt(const httplib::Request& req, const char* name, int fallback, int low, int high, int& out) {
    if (!req.has_param(name)) {
        out = fallback;
        return true;
    }
    try {
        size_t used = 0;
        const std::string text = req.get_param_value(name);
        out = std::stoi(text, &used);
        return used == text.size() && out >= low && out <= high;
    } catch (const std::exception&) {
        return false;
    }
}
} // namespace

void RegisterServer::handleRosterList(const std::string& resource, const httplib::Request& req, httplib::Response& res) {
    int limit = 100, offset = 0;
    if (!readInt(req, "limit", 100, 1, 1000, limit) || !readInt(req, "offset", 0, 0, 1 << 30, offset)) {
        res.status = 400;
        res.set_content(statusInfo("limit must be 1..1000 and offset >= 0"), "application/json");
        return;
    }
    std::string op = ">=", since;
    if (req.has_param("filter")) {
        static const std::regex kFilter(R"(^\s*dateLastModified\s*(>=|>)\s*'?([^']+)'?\s*$)");
        std::smatch m;
        const std::string filter = req.get_param_value("filter");
        if (!std::regex_match(filter, m, kFilter)) {
            res.status = 400;
            res.set_content(statusInfo("filter: only dateLastModified>'T' and dateLastModified>='T' are supported"),
                            "application/json");
            return;
        }
        op = m[1];
        since = m[2];
    }
    const bool descending = req.get_param_value("orderBy") == "desc";
    const std::string where = "resource = ?1 AND date_last_modified " + op + " ?2";
    std::lock_guard lock(m_mutex);
    auto count = m_db.query("SELECT count(*) FROM roster WHERE " + where);
    count.bind(1, resource).bind(2, since);
    count.step();
    auto rows = m_db.query("SELECT body FROM roster WHERE " + where + " ORDER BY date_last_modified " +
                           (descending ? "DESC" : "ASC") + ", sourced_id " + (descending ? "DESC" : "ASC") +
                           " LIMIT ?3 OFFSET ?4");
    rows.bind(1, resource).bind(2, since).bind(3, limit).bind(4, offset);
    json items = json::array();
    while (rows.step()) items.push_back(json::parse(rows.text(0)));
    res.set_header("X-Total-Count", std::to_string(count.integer(0)));
    res.set_content(json{{resource, items}}.dump(), "application/json");
}

} // namespace scanstation::reg
