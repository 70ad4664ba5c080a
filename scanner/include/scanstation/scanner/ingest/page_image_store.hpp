#pragma once
// The original bytes of every scanned page, kept under the data directory, content-addressed
// by SHA-256: images/ab/abcdef....<ext> (ab = the hash's first two hex digits). A file is
// written to a temporary name, flushed to disk and renamed, so a crash leaves either no file
// or the whole file; storing the same bytes again is a no-op.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {
class Store;
}

namespace scanstation::scanner {

class PageImageStore {
public:
    explicit PageImageStore(core::Store& store);

    // SHA-256 hex of the bytes.
    static std::string hashOf(std::string_view bytes);

    // Writes the bytes (when not yet there) and returns their hash. `extension` like ".png".
    std::string put(std::string_view bytes, const std::string& extension);

    // Records that page `pageHash` is page `pageNumber` of the stored file `fileHash`, in the
    // caller's transaction (see core/page_images.hpp).
    void recordPage(const std::string& pageHash, const std::string& fileHash, const std::string& extension,
                    int pageNumber, std::uintmax_t bytes);

    // The stored original of a recorded page and which page of it.
    struct Location {
        std::filesystem::path file;
        int page = 1;
    };
    std::optional<Location> locate(const std::string& pageHash) const;

    std::filesystem::path pathFor(const std::string& fileHash, const std::string& extension) const;

private:
    core::Store& m_store;
    std::filesystem::path m_root;
};

} // namespace scanstation::scanner
