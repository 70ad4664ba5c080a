#include "migrations/migration.hpp"

#include "scanstation/core/error.hpp"
#include "sql/database.hpp"

#include <string>

namespace scanstation::core::migrations {

#define SCANSTATION_MIGRATION(name) extern const Migration name;
#include "migrations/list.inc"
#undef SCANSTATION_MIGRATION

const std::vector<const Migration*>& migrationList() {
    static const std::vector<const Migration*> list = {
#define SCANSTATION_MIGRATION(name) &name,
#include "migrations/list.inc"
#undef SCANSTATION_MIGRATION
    };
    return list;
}

namespace {

void applyOne(sql::Database& db, const Migration& m, int version) {
    db.exec("BEGIN IMMEDIATE");
    if (db.userVersion() >= version) { // another process migrated while we waited for the lock
        db.exec("COMMIT");
        return;
    }
    try {
        if (m.sql && *m.sql)
            db.exec(m.sql);
        if (m.apply)
            m.apply(db);
        auto check = db.prepare("PRAGMA foreign_key_check");
        if (check.step())
            throw Error(ErrorKind::Integrity,
                        std::string("migration ") + m.name + " leaves a broken reference in table " + check.getText(0));
        db.setUserVersion(version);
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
}

} // namespace

void migrate(sql::Database& db, int targetVersion) {
    const auto& list = migrationList();
    const int latest = static_cast<int>(list.size());
    if (targetVersion < 0)
        targetVersion = latest;
    const int current = db.userVersion();
    if (current > latest)
        throw Error(ErrorKind::Conflict, "the store's schema version " + std::to_string(current) +
                                             " is newer than this program knows (" + std::to_string(latest) +
                                             "); use a newer scanstation");
    for (int v = current + 1; v <= targetVersion; ++v)
        applyOne(db, *list[static_cast<std::size_t>(v - 1)], v);
}

} // namespace scanstation::core::migrations
