#include "scanstation/core/page_images.hpp"

#include "scanstation/core/store.hpp"
#include "sha256.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

// relative_path holds "<path>#<page>" for pages after the first of a multi-page file.
std::string PageImages::sha256Hex(std::string_view bytes) {
    return core::sha256Hex(bytes);
}

void PageImages::record(const PageImage& image) {
    const std::string path = image.relativePath + (image.page > 1 ? "#" + std::to_string(image.page) : "");
    m_store.database()
        .prepare("INSERT OR IGNORE INTO page_images (hash, relative_path, bytes, stored_at_ms) VALUES (?, ?, ?, ?)")
        .bind(1, image.pageHash)
        .bind(2, path)
        .bind(3, static_cast<std::int64_t>(image.bytes))
        .bind(4, toUnixMs(m_store.clock().now()))
        .run();
}

std::optional<PageImage> PageImages::find(const std::string& pageHash) const {
    auto st = m_store.database().prepare("SELECT relative_path, bytes, stored_at_ms FROM page_images WHERE hash = ?");
    st.bind(1, pageHash);
    if (!st.step())
        return std::nullopt;
    PageImage image;
    image.pageHash = pageHash;
    image.relativePath = st.getText(0);
    if (const auto hash = image.relativePath.rfind('#'); hash != std::string::npos) {
        image.page = std::stoi(image.relativePath.substr(hash + 1));
        image.relativePath.resize(hash);
    }
    image.bytes = static_cast<std::uintmax_t>(st.getInt(1));
    image.storedAt = fromUnixMs(st.getInt(2));
    return image;
}

std::vector<PageImage> PageImages::plainOriginals() const {
    // Strip a "#<page>" suffix: the pages of one multi-page file share its file.
    auto st = m_store.database().prepare(
        "SELECT DISTINCT CASE WHEN instr(relative_path, '#') > 0 THEN substr(relative_path, 1, instr(relative_path, '#') - 1) "
        "ELSE relative_path END AS file, MIN(hash), MAX(bytes) FROM page_images WHERE relative_path NOT LIKE 'vault:%' "
        "GROUP BY file ORDER BY file");
    std::vector<PageImage> out;
    while (st.step()) {
        PageImage image;
        image.relativePath = st.getText(0);
        image.pageHash = st.getText(1);
        image.bytes = static_cast<std::uintmax_t>(st.getInt(2));
        out.push_back(std::move(image));
    }
    return out;
}

void PageImages::relocate(const std::string& fromPath, const std::string& toPath) {
    m_store.database()
        .prepare("UPDATE page_images SET relative_path = ? || substr(relative_path, length(?) + 1) "
                 "WHERE relative_path = ? OR relative_path LIKE ? || '#%'")
        .bind(1, toPath)
        .bind(2, fromPath)
        .bind(3, fromPath)
        .bind(4, fromPath)
        .run();
}

} // namespace scanstation::core
