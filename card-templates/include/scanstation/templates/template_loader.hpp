#pragma once
// Card templates are versioned JSON files (schema in card-templates/README.md). The loader
// validates a file completely and turns it into the core model; a malformed file is an
// Error{BadInput} whose message names the file, the JSON path (JSON Pointer) and what is wrong.
#include "scanstation/core/card_template.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::templates {

// Parses template JSON text; `source` names it in error messages (usually the file path).
core::CardTemplate parseTemplate(std::string_view jsonText, const std::string& source);

// Reads and parses one file. Error{NotFound} when it cannot be read.
core::CardTemplate loadTemplateFile(const std::filesystem::path& file);

// The folder of the shipped templates: $SCANSTATION_TEMPLATE_DIR when set, else the
// card-templates/templates folder of the source tree this program was built from.
std::filesystem::path shippedTemplateDir();

// Every *.json template in a folder, ordered by id. Error{BadInput} for a malformed one,
// Error{Conflict} for two files with the same id.
std::vector<core::CardTemplate> loadTemplateDir(const std::filesystem::path& dir);

// The template with this id from loadTemplateDir(dir); Error{NotFound} names the known ids.
core::CardTemplate findTemplate(const std::filesystem::path& dir, const std::string& id);

} // namespace scanstation::templates
