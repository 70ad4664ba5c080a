// Schema version 4: passwords, lockout state and sessions of operators (security part;
// see core/include/scanstation/core/accounts.hpp). Only Argon2id strings and SHA-256 digests of
// session tokens are stored, never a password or a usable token.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0004_accounts{"0004_accounts", R"sql(
CREATE TABLE operator_credentials (
    login TEXT PRIMARY KEY REFERENCES operators(login),
    password_hash TEXT NOT NULL,            -- crypto_pwhash_str (Argon2id) output
    must_change INTEGER NOT NULL,           -- 1: one-time password set by an administrator
    changed_at_ms INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER,                -- NULL unless locked
    last_success_ms INTEGER,
    last_failure_ms INTEGER
);
CREATE TABLE operator_sessions (
    token_sha256 TEXT PRIMARY KEY,
    login TEXT NOT NULL REFERENCES operators(login),
    started_at_ms INTEGER NOT NULL,
    last_activity_ms INTEGER NOT NULL,
    ended_at_ms INTEGER,
    end_reason TEXT
);
CREATE INDEX operator_sessions_login ON operator_sessions(login);
)sql"};

} // namespace scanstation::core::migrations
