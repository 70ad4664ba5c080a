#pragma once
// Prints a roster or timetable import report (human text or --json) and turns problems into
// the "bad input" exit code.
#include "cli_context.hpp"
#include "scanstation/core/roster_import.hpp"

namespace scanstation::cli {

// Prints the report; throws Error{BadInput} after printing when the report has problems.
void printImportReport(const CliContext& ctx, const core::ImportReport& report);

} // namespace scanstation::cli
