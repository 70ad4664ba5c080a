#pragma once
// Alphabetical order as Polish registers number pupils: ą after a, ć after c, ..., ź and ż after
// z; case-insensitive first, then by bytes so the order is total and stable.
#include <string_view>

namespace scanstation::core::import {

// True when a sorts before b.
bool polishLess(std::string_view a, std::string_view b);

} // namespace scanstation::core::import
