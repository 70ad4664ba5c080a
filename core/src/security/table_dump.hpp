#pragma once
// Reading whole tables of the store generically (for the archive and pupil exports), internal
// to core. Values keep their SQLite storage class so that the XML can say what they were.
#include "scanstation/core/station_archive.hpp"

#include <functional>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::core::security {

// Tables never archived or exported: secrets, and SQLite's own bookkeeping.
bool isSecretTable(const std::string& name);

// User tables of the store with their CREATE statements, by name; secrets excluded.
std::vector<std::pair<std::string, std::string>> listTables(Store& store);

enum class ValueKind { Null, Integer, Real, Text, Blob };

struct DumpValue {
    ValueKind kind = ValueKind::Null;
    std::string text; // decimal for numbers, raw bytes for text and blobs
};

// Calls `row` for every row of `table` matching the optional WHERE clause (one bound text
// parameter), in rowid order when the table has one.
void dumpRows(Store& store, const std::string& table, const std::string& where, const std::string& parameter,
              const std::function<void(const std::vector<std::string>& columns, const std::vector<DumpValue>& values)>& row);

// Writes one <table> element (open tag, schema, rows, close tag) into `out`.
void writeTableXml(std::string& out, Store& store, const std::string& table, const std::string& schema,
                   const std::string& where = {}, const std::string& parameter = {});

} // namespace scanstation::core::security
