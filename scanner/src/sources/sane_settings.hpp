#pragma once
// Translating the station's scan settings into one device's option values. Backends name the
// same thing differently ("Color" / "24bit Color", "ADF" / "ADF Front" / "Automatic Document
// Feeder"), so each choice is matched by meaning against the device's own list.
#include "sources/sane_device.hpp"

namespace scanstation::scanner::detail {

// Applies mode, source (feeder/duplex), resolution and page size; returns the dpi the device
// accepted. Throws BadInput naming what the device offers when a setting is impossible.
double applyScanSettings(SanePageSource::Device& device, const SaneScanSettings& settings);

} // namespace scanstation::scanner::detail
