#pragma once
// The hot folder's memory: one line per file handled successfully, appended and flushed before
// the file is moved, so a crash between the two cannot lead to processing it again.
// Line format (tab-separated): sha256, UTC time, outcome, original name, moved-to name.
#include <filesystem>
#include <map>
#include <string>

namespace scanstation::scanner::detail {

class HotFolderLedger {
public:
    explicit HotFolderLedger(std::filesystem::path file); // loads existing lines
    // The earlier entry's "name at time" for this hash, or empty when new.
    std::string find(const std::string& sha256) const;
    void record(const std::string& sha256, const std::string& outcome, const std::string& original,
                const std::string& movedTo);

private:
    std::filesystem::path m_file;
    std::map<std::string, std::string> m_entries;
};

// SHA-256 of a file's bytes, lowercase hex (libsodium). Throws BadInput when unreadable.
std::string fileSha256(const std::filesystem::path& file);

// Now, as "2026-11-23T12:34:56Z".
std::string utcNow();

} // namespace scanstation::scanner::detail
