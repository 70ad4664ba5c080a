#pragma once
// RFC 4180 CSV as import reads it: a header row and records that remember the physical line
// they start on, so every problem can name its line. Records with invalid UTF-8, an
// unterminated quote or the wrong number of fields are reported and left out.
#include "scanstation/core/roster_import.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core::import {

struct CsvRecord {
    int line = 0; // 1-based line of the record's first character
    std::vector<std::string> fields;
};

struct CsvTable {
    std::string file;
    std::vector<std::string> header;
    std::vector<CsvRecord> records;

    // Column index by exact header name.
    std::optional<std::size_t> column(std::string_view name) const;
};

CsvTable parseCsv(std::string_view text, const std::string& fileName, std::vector<ImportProblem>& problems);

// Reports every name of `required` missing from the header; returns whether all are present.
bool requireColumns(const CsvTable& table, const std::vector<std::string>& required,
                    std::vector<ImportProblem>& problems);

// Field of a record by column name; empty when the column is absent.
std::string field(const CsvTable& table, const CsvRecord& record, std::string_view column);

bool isValidUtf8(std::string_view text, std::size_t* badOffset = nullptr);
std::optional<int> parsePositiveInt(std::string_view text);
std::string trim(std::string_view text);

} // namespace scanstation::core::import
