// Schema: ingestion — stored page images, card readings and their fields, the review queue,
// lesson records (attendance, grades), period locks, custody labels and the shredding log.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0003_ingestion{"0003_ingestion", R"sql(
-- Original page bytes, content-addressed: images/<first 2 hex>/<sha256 hex>.<ext> in the data dir.
CREATE TABLE page_images (
    hash TEXT PRIMARY KEY,
    relative_path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    stored_at_ms INTEGER NOT NULL
);
-- One row per recognised page. A page hash is recorded once: a second scan of the same bytes
-- is a duplicate. `is_current` marks the reading that counts for its card; a corrected rescan
-- clears it on the earlier reading and names its successor in superseded_by.
CREATE TABLE card_readings (
    id INTEGER PRIMARY KEY,
    page_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    page_number INTEGER NOT NULL,
    page_status TEXT NOT NULL,
    serial TEXT REFERENCES cards(serial),
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'needs_review', 'rejected', 'not_a_card',
                                             'duplicate_card')),
    is_current INTEGER NOT NULL DEFAULT 0,
    superseded_by INTEGER REFERENCES card_readings(id),
    measurements TEXT NOT NULL,
    issues TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
CREATE INDEX card_readings_serial ON card_readings(serial, id);
CREATE TABLE reading_fields (
    reading_id INTEGER NOT NULL REFERENCES card_readings(id),
    field_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('value', 'nothing', 'flagged')),
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (reading_id, field_id)
);
CREATE TABLE review_items (
    id INTEGER PRIMARY KEY,
    reading_id INTEGER NOT NULL REFERENCES card_readings(id),
    serial TEXT REFERENCES cards(serial),
    field_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    administrator_only INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'resolved', 'rejected', 'superseded')),
    chosen_value TEXT,
    decided_by TEXT,
    decided_why TEXT,
    decided_at_ms INTEGER,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX review_items_open ON review_items(state, serial);
-- What an accepted card recorded for its lesson.
CREATE TABLE lesson_records (
    serial TEXT PRIMARY KEY REFERENCES cards(serial),
    lesson_slot_id INTEGER NOT NULL REFERENCES lesson_slots(id),
    reading_id INTEGER NOT NULL REFERENCES card_readings(id),
    topic_number TEXT,
    substitution INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at_ms INTEGER NOT NULL
);
CREATE INDEX lesson_records_slot ON lesson_records(lesson_slot_id);
CREATE TABLE attendance_records (
    lesson_slot_id INTEGER NOT NULL REFERENCES lesson_slots(id),
    pupil_id TEXT NOT NULL REFERENCES pupils(sourced_id),
    code TEXT NOT NULL,
    serial TEXT NOT NULL REFERENCES cards(serial),
    field_id TEXT NOT NULL,
    PRIMARY KEY (lesson_slot_id, pupil_id)
);
CREATE INDEX attendance_records_pupil ON attendance_records(pupil_id);
-- nb once entered is never deleted and may change only to u, sp or zw (DOMAIN.md, 004 ch. 8 §15).
CREATE TRIGGER attendance_nb_not_deleted BEFORE DELETE ON attendance_records WHEN OLD.code = 'nb'
BEGIN SELECT RAISE(ABORT, 'an nb absence is never deleted'); END;
CREATE TRIGGER attendance_nb_changes_only_to_excuse BEFORE UPDATE ON attendance_records
WHEN OLD.code = 'nb' AND NEW.code NOT IN ('nb', 'u', 'sp', 'zw')
BEGIN SELECT RAISE(ABORT, 'an nb absence may change only to u, sp or zw'); END;
CREATE TABLE attendance_history (
    id INTEGER PRIMARY KEY,
    lesson_slot_id INTEGER NOT NULL,
    pupil_id TEXT NOT NULL,
    old_code TEXT,
    new_code TEXT NOT NULL,
    serial TEXT NOT NULL,
    actor TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE grade_records (
    serial TEXT NOT NULL REFERENCES cards(serial),
    pupil_id TEXT NOT NULL REFERENCES pupils(sourced_id),
    field_id TEXT NOT NULL,
    value TEXT NOT NULL,
    category TEXT NOT NULL,
    weight INTEGER NOT NULL,
    counts_in_average INTEGER NOT NULL,
    PRIMARY KEY (serial, pupil_id, field_id)
);
-- Classification council locks (004 ch. 5 §6). Unlocking records who ordered it.
CREATE TABLE period_locks (
    id INTEGER PRIMARY KEY,
    class_code TEXT NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    locked_by TEXT NOT NULL,
    locked_at_ms INTEGER NOT NULL,
    unlocked_by TEXT,
    unlock_ordered_by TEXT,
    unlock_reason TEXT,
    unlocked_at_ms INTEGER
);
CREATE TABLE custody_labels (
    code TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    serials TEXT NOT NULL,
    cards INTEGER NOT NULL,
    printed_by TEXT NOT NULL,
    printed_at_ms INTEGER NOT NULL
);
CREATE TABLE shredding_log (
    id INTEGER PRIMARY KEY,
    serial TEXT NOT NULL UNIQUE REFERENCES cards(serial),
    day TEXT NOT NULL,
    operator TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('card', 'day')),
    witness TEXT NOT NULL
);
CREATE TRIGGER shredding_log_no_update BEFORE UPDATE ON shredding_log
BEGIN SELECT RAISE(ABORT, 'the shredding log is append-only'); END;
CREATE TRIGGER shredding_log_no_delete BEFORE DELETE ON shredding_log
BEGIN SELECT RAISE(ABORT, 'the shredding log is append-only'); END;
)sql"};

} // namespace scanstation::core::migrations
