#include "scanstation/core/roster_mirror.hpp"

#include "scanstation/core/store.hpp"
#include "sql/database.hpp"

namespace scanstation::core {

std::optional<RosterCursor> RosterMirror::cursor(const std::string& resource) const {
    auto st = m_store.database().prepare("SELECT timestamp, sourced_id FROM sync_roster_cursor WHERE resource = ?1");
    st.bind(1, resource);
    if (!st.step()) return std::nullopt;
    return RosterCursor{st.getText(0), st.getText(1)};
}

void RosterMirror::setCursor(const std::string& resource, const RosterCursor& cursor) {
    auto st = m_store.database().prepare(
        "INSERT OR REPLACE INTO sync_roster_cursor (resource, timestamp, sourced_id) VALUES (?1, ?2, ?3)");
    st.bind(1, resource).bind(2, cursor.timestamp).bind(3, cursor.sourcedId).run();
}

void RosterMirror::upsert(const std::string& resource, const MirroredRecord& record) {
    auto st = m_store.database().prepare("INSERT OR REPLACE INTO sync_roster_mirror (resource, sourced_id, "
                                         "date_last_modified, body) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, resource).bind(2, record.sourcedId).bind(3, record.dateLastModified).bind(4, record.body).run();
}

std::vector<MirroredRecord> RosterMirror::records(const std::string& resource) const {
    auto st = m_store.database().prepare("SELECT sourced_id, date_last_modified, body FROM sync_roster_mirror "
                                         "WHERE resource = ?1 ORDER BY sourced_id");
    st.bind(1, resource);
    std::vector<MirroredRecord> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2)});
    return out;
}

int RosterMirror::count(const std::string& resource) const {
    auto st = m_store.database().prepare("SELECT count(*) FROM sync_roster_mirror WHERE resource = ?1");
    st.bind(1, resource).step();
    return static_cast<int>(st.getInt(0));
}

} // namespace scanstation::core
