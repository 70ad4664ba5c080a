#pragma once
// Which stored original holds each recorded page (the originals themselves are kept by the
// scanner's PageImageStore, encrypted in the ImageVault: relativePath "vault:<sha256><ext>";
// stores of an older version kept plain files, "images/ab/<sha256><ext>"). A row is added in
// the same transaction as the page's reading, so it exists exactly when the reading does.
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::core {

class Store;

struct PageImage {
    std::string pageHash;     // the page's content address (the reading's pageHash)
    std::string relativePath; // of the original file, from the data directory
    int page = 1;             // page of that file (multi-page TIFF or PDF)
    std::uintmax_t bytes = 0; // size of the original file
    TimePoint storedAt;
};

class PageImages {
public:
    explicit PageImages(Store& store) : m_store(store) {}

    static std::string sha256Hex(std::string_view bytes);

    // Adds the row unless the page is known (then nothing changes).
    void record(const PageImage& image);
    std::optional<PageImage> find(const std::string& pageHash) const;

    // One row per plain original file (relativePath not in the vault), whatever its pages.
    std::vector<PageImage> plainOriginals() const;
    // Points every page of the original `fromPath` at `toPath` (pages keep their number).
    void relocate(const std::string& fromPath, const std::string& toPath);

private:
    Store& m_store;
};

} // namespace scanstation::core
