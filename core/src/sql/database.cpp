#include "sql/database.hpp"

#include "scanstation/core/error.hpp"
#include "security/sealed_vfs.hpp"

#include <sqlite3.h>

namespace scanstation::core::sql {

namespace {

ErrorKind kindFor(int rc) {
    if (rc == SQLITE_IOERR_DATA)
        return ErrorKind::Integrity; // a sealed page that does not decrypt
    return (rc & 0xff) == SQLITE_CONSTRAINT ? ErrorKind::Conflict : ErrorKind::Infrastructure;
}

// SQLite's message, plus which sealed file and page failed when a page did not decrypt.
std::string messageFor(int rc, std::string message) {
    if (const std::string why = security::takeSealFailure(); !why.empty() && (rc & 0xff) == SQLITE_IOERR)
        message += " (" + why + ")";
    return message;
}

std::string shorten(std::string_view sqlText) {
    std::string s(sqlText.substr(0, 120));
    for (auto& c : s)
        if (c == '\n')
            c = ' ';
    return s;
}

} // namespace

Database::Database(const std::filesystem::path& file) : m_file(file) {
    open(nullptr, 0);
}

Database::Database(const std::filesystem::path& file, const std::string& vfsName) : m_file(file) {
    open(vfsName.c_str(), SQLITE_OPEN_URI);
}

void Database::open(const char* vfsName, int extraFlags) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX | extraFlags;
    const int rc = sqlite3_open_v2(m_file.c_str(), &m_db, flags, vfsName);
    if (rc != SQLITE_OK) {
        const int code = m_db ? sqlite3_extended_errcode(m_db) : rc;
        std::string msg = messageFor(code, m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(kindFor(code), "cannot open database " + m_file.string() + ": " + msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sqlText) {
    char* err = nullptr;
    const std::string text(sqlText);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = messageFor(rc, err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw Error(kindFor(rc), "database " + m_file.string() + ": " + msg + " (in: " + shorten(sqlText) + ")");
    }
}

Statement Database::prepare(std::string_view sqlText) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sqlText.data(), static_cast<int>(sqlText.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        throw Error(kindFor(rc), "database " + m_file.string() + ": cannot prepare: " + messageFor(rc, sqlite3_errmsg(m_db)) +
                                     " (in: " + shorten(sqlText) + ")");
    return Statement(m_db, stmt, std::string(sqlText));
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

int Database::userVersion() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.getInt(0));
}

void Database::setUserVersion(int version) {
    exec("PRAGMA user_version = " + std::to_string(version));
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sqlText)
    : m_db(db), m_stmt(stmt), m_sql(std::move(sqlText)) {}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)) {
    other.m_stmt = nullptr;
}

void Statement::fail(int rc) const {
    throw Error(kindFor(rc), "database: " + messageFor(rc, sqlite3_errmsg(m_db)) + " (in: " + shorten(m_sql) + ")");
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::getInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::getDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::getText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::optional<std::int64_t> Statement::getOptionalInt(int column) const {
    if (isNull(column))
        return std::nullopt;
    return getInt(column);
}

std::optional<std::string> Statement::getOptionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return getText(column);
}

} // namespace scanstation::core::sql
