// Schema version 7: records the register refused become items of the one review queue, and a
// person's decision on each is kept (resend a corrected value, keep the register's value,
// reject). A refused record's content is kept so that a corrected copy can be sent; a resent
// record names the record it supersedes and the register value the person decided over.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0007_sync_review{"0007_sync_review", R"sql(
ALTER TABLE sync_outbox ADD COLUMN supersedes TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_outbox ADD COLUMN register_value TEXT;
ALTER TABLE sync_review ADD COLUMN review_item_id INTEGER REFERENCES review_items(id);
ALTER TABLE sync_review ADD COLUMN decision TEXT NOT NULL DEFAULT ''
    CHECK (decision IN ('', 'resent', 'register_value', 'rejected'));
ALTER TABLE sync_review ADD COLUMN decided_by TEXT;
ALTER TABLE sync_review ADD COLUMN decided_why TEXT;
ALTER TABLE sync_review ADD COLUMN decided_at_ms INTEGER;
ALTER TABLE sync_review ADD COLUMN resent_as TEXT;
CREATE INDEX sync_review_item ON sync_review(review_item_id);
-- The refused record as it was sent (the outbox row leaves the outbox with the answer).
CREATE TABLE sync_refused_records (
    record_id TEXT PRIMARY KEY,
    card_serial TEXT NOT NULL,
    kind TEXT NOT NULL,
    class_id TEXT NOT NULL,
    lesson_date TEXT NOT NULL,
    lesson_number INTEGER NOT NULL,
    pupil_id TEXT NOT NULL,
    value TEXT NOT NULL,
    substitution INTEGER NOT NULL,
    teacher_id TEXT NOT NULL,
    line_item_id TEXT NOT NULL,
    category TEXT NOT NULL,
    weight INTEGER NOT NULL,
    counts_in_average INTEGER NOT NULL
);
)sql"};

} // namespace scanstation::core::migrations
