#include "register_schema.hpp"

namespace scanstation::reg {

void createSchema(SqliteDb& db) {
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS roster (          -- OneRoster records as JSON, per resource
  resource TEXT NOT NULL, sourced_id TEXT NOT NULL, date_last_modified TEXT NOT NULL,
  body TEXT NOT NULL, PRIMARY KEY (resource, sourced_id));
CREATE INDEX IF NOT EXISTS roster_by_time ON roster(resource, date_last_modified, sourced_id);
CREATE TABLE IF NOT EXISTS student (sourced_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS enrollment (class_id TEXT NOT NULL, user_id TEXT NOT NULL,
  PRIMARY KEY (class_id, user_id));
CREATE TABLE IF NOT EXISTS lock_period (class_id TEXT NOT NULL, first_date TEXT NOT NULL,
  last_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS topic (class_id TEXT NOT NULL, date TEXT NOT NULL, lesson INTEGER NOT NULL,
  topic TEXT NOT NULL, substitution INTEGER NOT NULL, teacher_id TEXT, source TEXT NOT NULL,
  record_id TEXT, PRIMARY KEY (class_id, date, lesson));
CREATE TABLE IF NOT EXISTS attendance (class_id TEXT NOT NULL, date TEXT NOT NULL,
  lesson INTEGER NOT NULL, student_id TEXT NOT NULL, code TEXT NOT NULL, source TEXT NOT NULL,
  record_id TEXT, PRIMARY KEY (class_id, date, lesson, student_id));
CREATE TABLE IF NOT EXISTS line_item (sourced_id TEXT PRIMARY KEY, class_id TEXT NOT NULL,
  assign_date TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS result (sourced_id TEXT PRIMARY KEY, line_item_id TEXT NOT NULL,
  student_id TEXT NOT NULL, text_score TEXT NOT NULL, score_status TEXT NOT NULL,
  source TEXT NOT NULL);
-- Every record id ever received: how a resend is recognised, and how tests count deliveries.
CREATE TABLE IF NOT EXISTS receipt (record_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
  status TEXT NOT NULL, outcome TEXT NOT NULL, times_received INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, body_hash TEXT NOT NULL,
  http_status INTEGER NOT NULL, answer TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS token (token TEXT PRIMARY KEY, expires_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0);
-- Fault budgets survive a crash fault's restart so the fault mode stays bounded.
CREATE TABLE IF NOT EXISTS fault_budget (kind TEXT PRIMARY KEY, remaining INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS fault_log (at TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS register_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql");
}

} // namespace scanstation::reg
