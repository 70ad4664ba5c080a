// Schema version 2: the timetable's lesson slots and the card registry with its transitions.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0002_timetable_cards{"0002_timetable_cards", R"sql(
CREATE TABLE lesson_slots (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    lesson_number INTEGER NOT NULL CHECK (lesson_number BETWEEN 0 AND 12),
    class_or_group_code TEXT NOT NULL,
    is_group INTEGER NOT NULL,
    subject_code TEXT NOT NULL REFERENCES subjects(code),
    teacher_id TEXT NOT NULL REFERENCES teachers(sourced_id),
    cancelled INTEGER NOT NULL DEFAULT 0,
    UNIQUE (date, lesson_number, class_or_group_code)
);
CREATE INDEX lesson_slots_teacher ON lesson_slots(teacher_id, date);
CREATE TABLE cards (
    serial TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    lesson_slot_id INTEGER REFERENCES lesson_slots(id),
    roster_version INTEGER NOT NULL REFERENCES roster_versions(number),
    state TEXT NOT NULL CHECK (state IN ('issued', 'scanned', 'needs_review', 'rejected', 'accepted',
                                         'queued', 'acknowledged', 'in_custody', 'shredded')),
    issued_at_ms INTEGER NOT NULL,
    issued_by TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cards_state ON cards(state);
CREATE INDEX cards_lesson_slot ON cards(lesson_slot_id);
CREATE TABLE card_transitions (
    id INTEGER PRIMARY KEY,
    serial TEXT NOT NULL REFERENCES cards(serial),
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX card_transitions_serial ON card_transitions(serial, id);
)sql"};

} // namespace scanstation::core::migrations
