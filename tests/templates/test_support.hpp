#pragma once
// Helpers shared by the card-templates tests.
#include "scanstation/templates/card_renderer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace scanstation::test {

inline std::filesystem::path shippedTemplates() {
    return std::filesystem::path(SCANSTATION_SOURCE_DIR) / "card-templates" / "templates";
}

inline core::CardTemplate shipped(const std::string& id) {
    return templates::findTemplate(shippedTemplates(), id);
}

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Every QR code ZBar finds on the raster (ZBar is linked by the tests only).
std::vector<std::string> decodeQrCodes(const templates::Raster& raster);

// Runs a shell command, returning its stdout and exit status.
struct CommandResult {
    int status = -1;
    std::string out;
};
CommandResult runCommand(const std::string& command);

} // namespace scanstation::test
