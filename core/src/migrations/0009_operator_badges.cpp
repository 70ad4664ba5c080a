// Schema version 9: the operator's active sign-in badge (core/include/scanstation/core/
// operator_badges.hpp). One row per operator: issuing a new badge replaces the row, which
// revokes the old badge; revoking without a new one deletes it. The badge id alone signs no
// one in: a badge also carries a MAC under a key derived from the key directory's data key.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0009_operator_badges{"0009_operator_badges", R"sql(
CREATE TABLE operator_badges (
    login TEXT PRIMARY KEY REFERENCES operators(login),
    badge_id TEXT NOT NULL,            -- base32 of 16 random bytes, printed in the badge's code
    issued_at_ms INTEGER NOT NULL,
    issued_by TEXT NOT NULL
);
)sql"};

} // namespace scanstation::core::migrations
