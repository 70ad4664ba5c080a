#pragma once
// Every card held in custody, without a permission check (internal to core).
#include "scanstation/core/custody.hpp"

#include <vector>

namespace scanstation::core {
std::vector<HeldCard> heldCardsOf(Store& store);
}
