#pragma once
// The demo's operator badges: printed (as PNG) into DIR/demo-badges when the demo is built, and
// a folder DIR/demo-camera standing for what the demo station's camera sees. "Showing" a demo
// badge copies its image there; the sign-in screen reads it from there like a real badge.
#include <filesystem>
#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::ui::demo {

// admin.png (the demo administrator's badge) and forged.png (the same with an altered
// signature, to see a refusal).
void makeDemoBadges(core::Store& store, const std::filesystem::path& keyDir,
                    const std::filesystem::path& dataDir);

// The badge source of a demo station: "hot:DIR/demo-camera" (made when missing).
std::string demoBadgeSource(const std::filesystem::path& dataDir);

// Puts demo-badges/<name>.png in front of the demo camera. Error{NotFound} for an unknown name.
void showDemoBadge(const std::filesystem::path& dataDir, const std::string& name);

} // namespace scanstation::ui::demo
