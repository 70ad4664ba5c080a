#pragma once
// Draws the pages of the demo batch as a scanner would deliver them (grey paper, 100 dpi), so
// the demo shows real images. card-templates renders the real cards; this is only the demo.
#include "demo_school.hpp"

#include <QImage>

namespace scanstation::ui::demo {

constexpr double kDemoDpi = 100;

QImage paintPage(const DemoPage& page, const core::CardTemplate& layout);

} // namespace scanstation::ui::demo
