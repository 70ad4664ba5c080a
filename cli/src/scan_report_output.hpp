#pragma once
// How `scan` and `watch` report stored pages: one line (or JSON object) per page, printed and
// flushed only after the page was committed — a line on the screen is a promise that the page
// is stored — and the batch summary at the end.
#include "scanstation/scanner/ingest/batch_ingest.hpp"

namespace scanstation::cli {

void printStoredPage(const scanner::PageReport& report, bool json);
void printIngestSummary(const scanner::IngestSummary& summary, bool json);

} // namespace scanstation::cli
