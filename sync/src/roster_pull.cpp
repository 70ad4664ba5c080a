#include "scanstation/sync/roster_pull.hpp"

#include "roster_snapshot.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/roster_mirror.hpp"
#include "scanstation/core/store.hpp"

#include <filesystem>
#include <random>
#include <utility>

namespace scanstation::sync {

namespace {

bool after(const std::string& modified, const std::string& id, const std::optional<core::RosterCursor>& cursor) {
    if (!cursor) return true;
    return std::make_pair(modified, id) > std::make_pair(cursor->timestamp, cursor->sourcedId);
}

// Pulls one resource to its end; returns false (with words) when the register failed us.
bool pullResource(core::Store& store, RegisterClient& client, const std::string& resource, int pageSize,
                  RosterPullReport& report) {
    core::RosterMirror mirror(store);
    const auto start = mirror.cursor(resource);
    auto newest = start;
    core::Transaction tx(store);
    int changed = 0;
    for (int offset = 0;; offset += pageSize) {
        const RosterPage page = client.rosterPage(resource, start ? start->timestamp : "", pageSize, offset);
        ++report.pages;
        if (page.failure != FailureKind::None) {
            report.plainWords = resource + ": " + page.plainWords;
            return false; // nothing of this resource is kept; the cursor stays
        }
        for (size_t i = 0; i < page.recordsJson.size(); ++i) {
            if (!after(page.modified[i], page.sourcedIds[i], start)) continue;
            mirror.upsert(resource, {page.sourcedIds[i], page.modified[i], page.recordsJson[i]});
            ++changed;
            if (after(page.modified[i], page.sourcedIds[i], newest))
                newest = core::RosterCursor{page.modified[i], page.sourcedIds[i]};
        }
        if (static_cast<int>(page.recordsJson.size()) < pageSize) break;
    }
    if (newest) mirror.setCursor(resource, *newest);
    tx.commit();
    report.changed[resource] = changed;
    return true;
}

} // namespace

RosterPullReport pullRoster(core::Store& store, RegisterClient& client, int pageSize) {
    RosterPullReport report;
    for (const char* resource : kRosterResources)
        if (!pullResource(store, client, resource, pageSize, report)) return report;
    report.complete = true;
    return report;
}

RosterImportOutcome importPulledRoster(core::Store& store, const std::string& actor) {
    RosterImportOutcome outcome;
    const core::RosterSnapshot snapshot = detail::snapshotFromMirror(store, outcome.problems);
    if (!outcome.problems.empty()) return outcome;
    // core imports OneRoster bundles from files: write one in the data directory, then remove it.
    const auto dir = store.dataDir() / ("pulled-roster-" + std::to_string(std::random_device{}()));
    core::writeOneRosterBundle(snapshot, dir);
    core::ImportReport report;
    try {
        report = core::importRoster(store, actor, dir);
    } catch (...) {
        std::filesystem::remove_all(dir);
        throw;
    }
    std::filesystem::remove_all(dir);
    for (const auto& p : report.problems)
        outcome.problems.push_back(p.file + ":" + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column) +
                                   ": " + p.reason);
    outcome.imported = report.ok();
    outcome.changed = report.changed;
    outcome.rosterVersion = report.rosterVersion;
    return outcome;
}

} // namespace scanstation::sync
