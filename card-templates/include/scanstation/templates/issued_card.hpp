#pragma once
// What an issued card carries, rebuilt from the store: the same identity code, serial, header
// and pupil rows the printer drew (rows from the list stored with the card; names as the roster
// spells them today). For reprints, the card filler and the kiosk's demo scanner.
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/templates/card_renderer.hpp"

#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::templates {

// Error{NotFound} for an unknown serial or lesson slot, Error{BadInput} when `tpl` is not the
// card's template (id and version), Error{Conflict} when the roster names no school.
CardContent issuedCardContent(core::Store& store, const core::StationKey& key, const core::CardTemplate& tpl,
                              const std::string& serial);

} // namespace scanstation::templates
