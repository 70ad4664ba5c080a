#pragma once
// Command-line options that choose and configure a page source, shared by `scan` (ingestion)
// and any other command that acquires pages. Usage in a command:
//   AcquisitionOptions acq;  addAcquisitionOptions(*cmd, acq);
//   ... auto source = openAcquisitionSource(acq);   // then pull source->next()
#include "scanstation/scanner/sources/source_spec.hpp"

#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace scanstation::cli {

struct AcquisitionOptions {
    std::string source;                   // --source SPEC (see source_spec.hpp)
    double dpi = 300;                     // --dpi
    std::string mode = "gray";            // --mode color|gray|lineart
    bool duplex = false;                  // --duplex
    bool flatbed = false;                 // --flatbed (default: the document feeder)
    std::vector<std::string> saneOptions; // --sane-option NAME=VALUE (repeatable)
};

void addAcquisitionOptions(CLI::App& command, AcquisitionOptions& options);

// Throws BadInput for a malformed spec or option; the source's own errors otherwise.
std::unique_ptr<scanner::PageSource> openAcquisitionSource(const AcquisitionOptions& options);

// The settings the options describe (for callers that build the source themselves).
scanner::SourceSettings sourceSettingsOf(const AcquisitionOptions& options);

} // namespace scanstation::cli
