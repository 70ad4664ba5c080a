#pragma once
// Versioned schema migrations. Version N of the schema is the result of applying the first N
// migrations of migrationList(); PRAGMA user_version holds N. Each migration runs in its own
// transaction together with the user_version bump, so a crash leaves version N or N+1.
//
// To add one: write core/src/migrations/NNNN_what.cpp defining
//     extern const Migration kMigrationNNNN_what{"NNNN_what", R"sql( ... )sql"};
// inside namespace scanstation::core::migrations, and add ONE line at the END of list.inc:
//     SCANSTATION_MIGRATION(kMigrationNNNN_what)
// Never edit or reorder a migration that was released; add a new one instead.
#include <vector>

namespace scanstation::core::sql {
class Database;
}

namespace scanstation::core::migrations {

struct Migration {
    const char* name;
    const char* sql;                                   // run first, may be empty
    void (*apply)(sql::Database& db) = nullptr;        // optional data step, run after sql
};

const std::vector<const Migration*>& migrationList();

// Brings the database to `targetVersion` (default: latest). Throws Error{Conflict} when the
// file is newer than this program.
void migrate(sql::Database& db, int targetVersion = -1);

} // namespace scanstation::core::migrations
