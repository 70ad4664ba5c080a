// Schema version 1: the roster, the operators and the audit chain.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0001_roster_operators_audit{"0001_roster_operators_audit", R"sql(
CREATE TABLE school (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sourced_id TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE TABLE school_year (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sourced_id TEXT NOT NULL,
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL
);
CREATE TABLE terms (
    sourced_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL
);
CREATE TABLE teachers (
    sourced_id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE subjects (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE classes (
    sourced_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    class_teacher_id TEXT REFERENCES teachers(sourced_id),
    active INTEGER NOT NULL DEFAULT 1
);
-- Codes are unique among current classes; a closed class keeps its code for the record.
CREATE UNIQUE INDEX classes_code ON classes(code) WHERE active = 1;
CREATE TABLE class_groups (
    sourced_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    subject_code TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX class_groups_code ON class_groups(code) WHERE active = 1;
CREATE TABLE pupils (
    sourced_id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes(sourced_id),
    register_number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'struck_off'))
);
CREATE UNIQUE INDEX pupils_register_number ON pupils(class_id, register_number) WHERE status = 'active';
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES class_groups(sourced_id),
    pupil_id TEXT NOT NULL REFERENCES pupils(sourced_id),
    PRIMARY KEY (group_id, pupil_id)
);
CREATE TABLE group_teachers (
    group_id TEXT NOT NULL REFERENCES class_groups(sourced_id),
    teacher_id TEXT NOT NULL REFERENCES teachers(sourced_id),
    PRIMARY KEY (group_id, teacher_id)
);
CREATE TABLE roster_versions (
    number INTEGER PRIMARY KEY,
    imported_at_ms INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE TABLE roster_changes (
    version INTEGER NOT NULL REFERENCES roster_versions(number),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    details TEXT NOT NULL,
    PRIMARY KEY (version, seq)
);
CREATE TABLE operators (
    login TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'director', 'class_teacher', 'teacher',
                                       'secretariat', 'inspector')),
    teacher_id TEXT REFERENCES teachers(sourced_id),
    active INTEGER NOT NULL DEFAULT 1,
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- The chain's head, kept apart so that removing the newest entries is detected too.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql"};

} // namespace scanstation::core::migrations
