#pragma once
// The stable machine description printed by `scanstation template show ID --json`: every
// field with its id, kind and options, every option with its value label, centre and radius
// in mm (card's top-left corner, x right, y down). Documented in card-templates/README.md.
#include "scanstation/core/card_template.hpp"

#include <string>

namespace scanstation::templates {

std::string describeTemplateJson(const core::CardTemplate& tpl); // pretty-printed, 2-space indent

} // namespace scanstation::templates
