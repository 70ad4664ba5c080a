#pragma once
// The register's roster as last pulled: OneRoster records kept as the register sent them
// (JSON text, opaque to core), and per resource the cursor of the incremental pull.
// scanstation::sync fills it and turns it into a roster version with importRoster.
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct RosterCursor {
    std::string timestamp; // the register's dateLastModified of the last record taken
    std::string sourcedId; // its sourcedId: records changed in the same instant are ordered by id
};

struct MirroredRecord {
    std::string sourcedId;
    std::string dateLastModified;
    std::string body; // the record's JSON as the register sent it
};

class RosterMirror {
public:
    explicit RosterMirror(Store& store) : m_store(store) {}

    // Per OneRoster resource ("orgs", "academicSessions", "classes", "users", "enrollments").
    std::optional<RosterCursor> cursor(const std::string& resource) const;
    void setCursor(const std::string& resource, const RosterCursor& cursor);
    void upsert(const std::string& resource, const MirroredRecord& record);
    std::vector<MirroredRecord> records(const std::string& resource) const; // by sourcedId
    int count(const std::string& resource) const;

private:
    Store& m_store;
};

} // namespace scanstation::core
