// Schema version 5: the sync outbox (records waiting for the register), acknowledgements,
// records the register refused (review), the link state shown to people, roster pull cursors and the pulled records.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0005_sync_outbox{"0005_sync_outbox", R"sql(
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL UNIQUE,
    card_serial TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('lessonTopic', 'attendance', 'lineItem', 'result')),
    class_id TEXT NOT NULL,
    lesson_date TEXT NOT NULL,
    lesson_number INTEGER NOT NULL,
    pupil_id TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    substitution INTEGER NOT NULL DEFAULT 0,
    teacher_id TEXT NOT NULL DEFAULT '',
    line_item_id TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    weight INTEGER NOT NULL DEFAULT 1,
    counts_in_average INTEGER NOT NULL DEFAULT 1,
    enqueued_at_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    batch_key TEXT,             -- fixed before the first send; the batch's Idempotency-Key
    batch_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_outbox_batch ON sync_outbox(batch_key, seq);
CREATE INDEX sync_outbox_card ON sync_outbox(card_serial);
CREATE TABLE sync_acks (
    record_id TEXT PRIMARY KEY,
    card_serial TEXT NOT NULL,
    acked_at_ms INTEGER NOT NULL,
    batch_key TEXT NOT NULL
);
CREATE INDEX sync_acks_card ON sync_acks(card_serial);
CREATE TABLE sync_review (
    record_id TEXT PRIMARY KEY,
    card_serial TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('rejected', 'conflict')),
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    current_value TEXT NOT NULL,
    sent_value TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_review_card ON sync_review(card_serial, resolved);
CREATE TABLE sync_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    online INTEGER NOT NULL,
    since_ms INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_error_at_ms INTEGER,
    last_success_at_ms INTEGER,
    retries INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_link (id, online) VALUES (1, 0);
CREATE TABLE sync_roster_cursor (
    resource TEXT PRIMARY KEY,
    timestamp TEXT NOT NULL,
    sourced_id TEXT NOT NULL
);
CREATE TABLE sync_roster_mirror (   -- the register's OneRoster records as pulled (JSON text)
    resource TEXT NOT NULL,
    sourced_id TEXT NOT NULL,
    date_last_modified TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (resource, sourced_id)
);
)sql"};

} // namespace scanstation::core::migrations
