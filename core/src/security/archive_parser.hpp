#pragma once
// A strict reader for the station's own archive XML (the subset StationArchive writes), internal
// to core. Anything else is refused with Error{BadInput} naming the byte offset.
#include "scanstation/core/station_archive.hpp"

#include <map>
#include <string>
#include <string_view>

namespace scanstation::core::security {

class XmlCursor {
public:
    explicit XmlCursor(std::string_view text) : m_text(text) {}

    void skipSpaceAndComments();
    bool startsWith(std::string_view literal) const;
    void expect(std::string_view literal);
    // After "<name": reads attributes up to ">" or "/>"; returns true for "/>".
    bool readAttributes(std::map<std::string, std::string>& attributes);
    // Character data up to the next '<', unescaped.
    std::string readText();
    bool atEnd() const { return m_pos >= m_text.size(); }
    [[noreturn]] void fail(const std::string& what) const;

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

ArchiveContents parseArchiveXml(std::string_view xml);

} // namespace scanstation::core::security
