#pragma once
// The reference register's SQLite schema (one file, DATA/register.sqlite3).
#include "sqlite_db.hpp"

namespace scanstation::reg {

// Creates every table when missing. The register is a test peer: no migrations, one version.
void createSchema(SqliteDb& db);

} // namespace scanstation::reg
