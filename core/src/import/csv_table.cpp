#include "import/csv_table.hpp"

namespace scanstation::core::import {

namespace {

// Splits the text into raw records (quote-aware), each with its starting line.
struct RawRecord {
    int line;
    std::string_view text;
    bool unterminatedQuote;
};

std::vector<RawRecord> splitRecords(std::string_view text) {
    std::vector<RawRecord> out;
    std::size_t start = 0;
    int line = 1;
    int startLine = 1;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n') {
            if (!quoted) {
                std::size_t end = i;
                if (end > start && text[end - 1] == '\r')
                    --end;
                out.push_back({startLine, text.substr(start, end - start), false});
                start = i + 1;
                startLine = line + 1;
            }
            ++line;
        }
    }
    if (start < text.size()) {
        std::string_view rest = text.substr(start);
        if (!rest.empty() && rest.back() == '\r')
            rest.remove_suffix(1);
        out.push_back({startLine, rest, quoted});
    }
    return out;
}

std::optional<std::vector<std::string>> splitFields(std::string_view rec) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    bool wasQuoted = false;
    for (std::size_t i = 0; i < rec.size(); ++i) {
        const char c = rec[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < rec.size() && rec[i + 1] == '"') {
                    fields.back() += '"';
                    ++i;
                } else
                    quoted = false;
            } else
                fields.back() += c;
        } else if (c == ',') {
            fields.emplace_back();
            wasQuoted = false;
        } else if (c == '"' && fields.back().empty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == '"')
            return std::nullopt; // a quote inside an unquoted field
        else
            fields.back() += c;
    }
    if (quoted)
        return std::nullopt;
    return fields;
}

} // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return i;
    return std::nullopt;
}

bool isValidUtf8(std::string_view s, std::size_t* badOffset) {
    std::size_t i = 0;
    auto fail = [&] {
        if (badOffset)
            *badOffset = i;
        return false;
    };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else
            return fail();
        if (i + static_cast<std::size_t>(extra) >= s.size())
            return fail();
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80)
                return fail();
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail();
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

CsvTable parseCsv(std::string_view text, const std::string& fileName, std::vector<ImportProblem>& problems) {
    CsvTable table;
    table.file = fileName;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3); // UTF-8 byte order mark, as spreadsheet programs write it
    bool haveHeader = false;
    for (const RawRecord& raw : splitRecords(text)) {
        if (raw.text.empty())
            continue;
        std::size_t bad = 0;
        if (!isValidUtf8(raw.text, &bad)) {
            problems.push_back({fileName, raw.line, "", "invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                                            " of the line (save the file as UTF-8)"});
            continue;
        }
        auto fields = raw.unterminatedQuote ? std::nullopt : splitFields(raw.text);
        if (!fields) {
            problems.push_back({fileName, raw.line, "", raw.unterminatedQuote ? "unterminated quoted field"
                                                                              : "malformed quoting"});
            continue;
        }
        for (auto& f : *fields)
            f = trim(f);
        if (!haveHeader) {
            table.header = std::move(*fields);
            haveHeader = true;
            continue;
        }
        if (fields->size() != table.header.size()) {
            problems.push_back({fileName, raw.line, "", "has " + std::to_string(fields->size()) + " fields, the header has " +
                                                            std::to_string(table.header.size())});
            continue;
        }
        table.records.push_back({raw.line, std::move(*fields)});
    }
    if (!haveHeader)
        problems.push_back({fileName, 0, "", "the file is empty (no header row)"});
    return table;
}

bool requireColumns(const CsvTable& table, const std::vector<std::string>& required, std::vector<ImportProblem>& problems) {
    bool ok = true;
    for (const auto& name : required)
        if (!table.column(name) && !table.header.empty()) {
            problems.push_back({table.file, 1, name, "missing column '" + name + "'"});
            ok = false;
        }
    return ok && !table.header.empty();
}

std::string field(const CsvTable& table, const CsvRecord& record, std::string_view column) {
    const auto i = table.column(column);
    return i ? record.fields[*i] : std::string();
}

std::optional<int> parsePositiveInt(std::string_view text) {
    if (text.empty() || text.size() > 6)
        return std::nullopt;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v > 0 ? std::optional<int>(v) : std::nullopt;
}

std::string trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace scanstation::core::import
