#include "security/table_dump.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "security/xml_text.hpp"
#include "sql/database.hpp"

#include <sqlite3.h>

#include <cstdio>

namespace scanstation::core::security {

namespace {

std::string quoteIdentifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

DumpValue readValue(sqlite3_stmt* st, int column) {
    DumpValue v;
    switch (sqlite3_column_type(st, column)) {
    case SQLITE_INTEGER:
        v.kind = ValueKind::Integer;
        v.text = std::to_string(sqlite3_column_int64(st, column));
        break;
    case SQLITE_FLOAT: {
        v.kind = ValueKind::Real;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(st, column));
        v.text = buf;
        break;
    }
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
        v.kind = sqlite3_column_type(st, column) == SQLITE_TEXT ? ValueKind::Text : ValueKind::Blob;
        const auto* p = static_cast<const char*>(sqlite3_column_blob(st, column));
        v.text.assign(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, column)));
        break;
    }
    default:
        v.kind = ValueKind::Null;
    }
    return v;
}

void writeValue(std::string& out, const std::string& column, const DumpValue& v) {
    out += "<c n=\"" + escapeXml(column) + "\"";
    switch (v.kind) {
    case ValueKind::Null: out += " null=\"1\"/>"; return;
    case ValueKind::Integer: out += " t=\"int\">" + v.text; break;
    case ValueKind::Real: out += " t=\"real\">" + v.text; break;
    case ValueKind::Blob: out += " t=\"blob\">" + toBase64(v.text); break;
    case ValueKind::Text:
        if (isXmlSafe(v.text))
            out += ">" + escapeXml(v.text);
        else
            out += " t=\"base64\">" + toBase64(v.text); // control characters or invalid UTF-8
        break;
    }
    out += "</c>";
}

} // namespace

bool isSecretTable(const std::string& name) {
    return name == "operator_credentials" || name == "operator_sessions" || name.rfind("sqlite_", 0) == 0;
}

std::vector<std::pair<std::string, std::string>> listTables(Store& store) {
    auto st = store.database().prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step())
        if (!isSecretTable(st.getText(0)))
            out.emplace_back(st.getText(0), st.getText(1));
    return out;
}

void dumpRows(Store& store, const std::string& table, const std::string& where, const std::string& parameter,
              const std::function<void(const std::vector<std::string>&, const std::vector<DumpValue>&)>& row) {
    sqlite3* db = store.database().handle();
    const std::string sqlText = "SELECT * FROM " + quoteIdentifier(table) + (where.empty() ? "" : " WHERE " + where);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sqlText.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw Error(ErrorKind::Infrastructure, "cannot read table " + table + ": " + sqlite3_errmsg(db));
    if (!where.empty())
        sqlite3_bind_text(st, 1, parameter.c_str(), static_cast<int>(parameter.size()), SQLITE_TRANSIENT);
    std::vector<std::string> columns;
    for (int i = 0; i < sqlite3_column_count(st); ++i)
        columns.emplace_back(sqlite3_column_name(st, i));
    int rc = SQLITE_OK;
    std::vector<DumpValue> values;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        values.clear();
        for (int i = 0; i < static_cast<int>(columns.size()); ++i)
            values.push_back(readValue(st, i));
        row(columns, values);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        throw Error(ErrorKind::Infrastructure, "error while reading table " + table + ": " + sqlite3_errmsg(db));
}

void writeTableXml(std::string& out, Store& store, const std::string& table, const std::string& schema,
                   const std::string& where, const std::string& parameter) {
    std::string rows;
    std::size_t count = 0;
    dumpRows(store, table, where, parameter, [&](const std::vector<std::string>& columns, const std::vector<DumpValue>& values) {
        rows += "    <row>";
        for (std::size_t i = 0; i < columns.size(); ++i)
            writeValue(rows, columns[i], values[i]);
        rows += "</row>\n";
        ++count;
    });
    out += "  <table name=\"" + escapeXml(table) + "\" rows=\"" + std::to_string(count) + "\">\n";
    out += "    <schema>" + escapeXml(schema) + "</schema>\n";
    out += rows;
    out += "  </table>\n";
}

} // namespace scanstation::core::security
