#pragma once
// Parsing of header fields and pupil rows (see README "Fields" and "Rows"). Internal.
#include "json_reader.hpp"

namespace scanstation::templates::detail {

// Header fields: explicit "options" or a generator ("values", "first_centre_mm", "step_mm").
std::vector<core::FieldDef> parseHeaderFields(const JsonNode& array, double radius);

// The "rows" object: blocks of rows and the fields repeated on every row.
void parseRows(const JsonNode& rows, double radius, core::CardTemplate& tpl);

} // namespace scanstation::templates::detail
