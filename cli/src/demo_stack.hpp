#pragma once
// A realistic stack of scanned pages for the demo (`scanstation demo fill --stack`): issued
// cards filled by a teacher's pen (scanner/card_filler.hpp) — clean ones, ones a person must
// review (two marks in a row, a faint mark, a circled cancellation), a torn one, the same card
// scanned twice, and a page that is not a card.
#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::cli {

struct StackPage {
    std::filesystem::path file;
    std::string serial; // empty for the page that is not a card
    std::string what;   // what was drawn, for the demo's narration
};

// Fills up to `maxCards` issued, not yet scanned attendance cards and the first such grade card
// (by serial, of the class or group `classCode` when not empty) into `outDir` as PNG at `dpi`.
std::vector<StackPage> writeDemoStack(core::Store& store, const std::string& classCode, int maxCards, double dpi,
                                      const std::filesystem::path& outDir);

} // namespace scanstation::cli
