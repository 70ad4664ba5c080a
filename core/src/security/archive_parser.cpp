#include "security/archive_parser.hpp"

#include "scanstation/core/error.hpp"
#include "security/xml_text.hpp"

#include <charconv>

namespace scanstation::core::security {

namespace {

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string attribute(const std::map<std::string, std::string>& attrs, const std::string& name, const XmlCursor& at) {
    const auto it = attrs.find(name);
    if (it == attrs.end())
        at.fail("attribute '" + name + "' is missing");
    return it->second;
}

template <class T> T number(const std::string& text, const std::string& what, const XmlCursor& at) {
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        at.fail(what + " '" + text + "' is not a number");
    return value;
}

std::optional<std::string> readCell(XmlCursor& cur, const std::map<std::string, std::string>& attrs, bool empty) {
    if (attrs.count("null")) {
        if (!empty)
            cur.fail("a null cell must be empty");
        return std::nullopt;
    }
    std::string text;
    if (!empty) {
        text = cur.readText();
        cur.expect("</c>");
    }
    const auto type = attrs.count("t") ? attrs.at("t") : std::string("text");
    if (type == "base64") {
        auto decoded = fromBase64(text);
        if (!decoded)
            cur.fail("a base64 cell is not valid base64");
        return decoded;
    }
    if (type != "text" && type != "int" && type != "real" && type != "blob")
        cur.fail("unknown cell type '" + type + "'");
    return text;
}

ArchiveTable readTable(XmlCursor& cur) {
    std::map<std::string, std::string> attrs;
    if (cur.readAttributes(attrs))
        cur.fail("a table element must have content");
    ArchiveTable table;
    table.name = attribute(attrs, "name", cur);
    const auto declared = number<std::size_t>(attribute(attrs, "rows", cur), "row count", cur);
    cur.skipSpaceAndComments();
    cur.expect("<schema>");
    table.schema = cur.readText();
    cur.expect("</schema>");
    for (cur.skipSpaceAndComments(); !cur.startsWith("</table>"); cur.skipSpaceAndComments()) {
        cur.expect("<row>");
        std::vector<std::optional<std::string>> row;
        std::vector<std::string> columns;
        for (cur.skipSpaceAndComments(); !cur.startsWith("</row>"); cur.skipSpaceAndComments()) {
            cur.expect("<c");
            std::map<std::string, std::string> cell;
            const bool empty = cur.readAttributes(cell);
            columns.push_back(attribute(cell, "n", cur));
            row.push_back(readCell(cur, cell, empty));
        }
        cur.expect("</row>");
        if (table.rows.empty())
            table.columns = columns;
        else if (columns != table.columns)
            cur.fail("row " + std::to_string(table.rows.size() + 1) + " of table " + table.name +
                     " has other columns than the first row");
        table.rows.push_back(std::move(row));
    }
    cur.expect("</table>");
    if (table.rows.size() != declared)
        cur.fail("table " + table.name + " declares " + std::to_string(declared) + " rows but has " +
                 std::to_string(table.rows.size()));
    return table;
}

} // namespace

void XmlCursor::fail(const std::string& what) const {
    throw Error(ErrorKind::BadInput, "archive XML at byte " + std::to_string(m_pos) + ": " + what);
}

void XmlCursor::skipSpaceAndComments() {
    for (;;) {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\r'))
            ++m_pos;
        if (!startsWith("<!--"))
            return;
        const auto end = m_text.find("-->", m_pos + 4);
        if (end == std::string_view::npos)
            fail("unterminated comment");
        m_pos = end + 3;
    }
}

bool XmlCursor::startsWith(std::string_view literal) const {
    return m_text.substr(m_pos, literal.size()) == literal;
}

void XmlCursor::expect(std::string_view literal) {
    if (!startsWith(literal))
        fail("expected '" + std::string(literal) + "'");
    m_pos += literal.size();
}

bool XmlCursor::readAttributes(std::map<std::string, std::string>& attributes) {
    for (;;) {
        skipSpaceAndComments();
        if (startsWith("/>")) {
            m_pos += 2;
            return true;
        }
        if (startsWith(">")) {
            m_pos += 1;
            return false;
        }
        const auto start = m_pos;
        while (m_pos < m_text.size() && isNameChar(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start)
            fail("expected an attribute name, '>' or '/>'");
        const std::string name(m_text.substr(start, m_pos - start));
        expect("=\"");
        const auto end = m_text.find('"', m_pos);
        if (end == std::string_view::npos)
            fail("unterminated attribute value");
        const auto raw = m_text.substr(m_pos, end - m_pos);
        auto value = unescapeXml(raw);
        if (!value || raw.find('<') != std::string_view::npos)
            fail("bad character reference or '<' in attribute " + name);
        if (!attributes.emplace(name, *value).second)
            fail("attribute " + name + " is repeated");
        m_pos = end + 1;
    }
}

std::string XmlCursor::readText() {
    const auto end = m_text.find('<', m_pos);
    if (end == std::string_view::npos)
        fail("unterminated element content");
    auto value = unescapeXml(m_text.substr(m_pos, end - m_pos));
    if (!value)
        fail("bad entity or character reference");
    m_pos = end;
    return *value;
}

ArchiveContents parseArchiveXml(std::string_view xml) {
    XmlCursor cur(xml);
    cur.skipSpaceAndComments();
    if (cur.startsWith("<?xml")) {
        const auto end = xml.find("?>");
        if (end == std::string_view::npos)
            cur.fail("unterminated XML declaration");
        cur = XmlCursor(xml); // restart and skip exactly the declaration
        cur.expect(xml.substr(0, end + 2));
    }
    cur.skipSpaceAndComments();
    cur.expect("<scanstation-archive");
    std::map<std::string, std::string> attrs;
    if (cur.readAttributes(attrs))
        cur.fail("the archive element is empty");
    if (attribute(attrs, "format", cur) != "1")
        cur.fail("unknown archive format '" + attrs["format"] + "' (this program reads format 1)");
    ArchiveContents contents;
    contents.created = attribute(attrs, "created", cur);
    contents.createdBy = attribute(attrs, "created-by", cur);
    contents.recipient = attribute(attrs, "recipient", cur);
    contents.schemaVersion = number<int>(attribute(attrs, "schema-version", cur), "schema version", cur);
    contents.auditHeadSeq = number<std::int64_t>(attribute(attrs, "audit-head-seq", cur), "audit head", cur);
    contents.auditHeadHash = attribute(attrs, "audit-head-hash", cur);
    for (cur.skipSpaceAndComments(); !cur.startsWith("</scanstation-archive>"); cur.skipSpaceAndComments()) {
        cur.expect("<table");
        contents.tables.push_back(readTable(cur));
    }
    cur.expect("</scanstation-archive>");
    cur.skipSpaceAndComments();
    if (!cur.atEnd())
        cur.fail("content after the archive element");
    return contents;
}

} // namespace scanstation::core::security
