// Reads a OneRoster bundle's CSV files from a folder or a zip (libarchive).
#include "import/roster_parsers.hpp"
#include "scanstation/core/error.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fstream>
#include <memory>
#include <sstream>

namespace scanstation::core::import {

namespace {

// A bundle file bigger than this is not a school's roster (a large school is a few MB).
constexpr la_int64_t kMaxEntryBytes = 256LL * 1024 * 1024;

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::BadInput, "cannot read " + file.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// libarchive leaves the message unset (NULL) for some failures of a damaged file.
std::string errorText(archive* a) {
    const char* text = archive_error_string(a);
    return text ? text : "damaged or not a zip file";
}

std::map<std::string, std::string> readZip(const std::filesystem::path& zip) {
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), zip.c_str(), 64 * 1024) != ARCHIVE_OK)
        throw Error(ErrorKind::BadInput, "cannot open zip " + zip.string() + ": " + errorText(a.get()));
    std::map<std::string, std::string> files;
    archive_entry* entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        const char* path = archive_entry_pathname(entry); // NULL for an entry without a name
        const std::string name = path ? std::filesystem::path(path).filename().string() : std::string();
        if (name.size() < 4 || name.substr(name.size() - 4) != ".csv")
            continue;
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > kMaxEntryBytes)
            throw Error(ErrorKind::BadInput, zip.string() + ": " + name + " is too large for a roster");
        std::string content;
        char buf[64 * 1024];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a.get(), buf, sizeof buf)) > 0) {
            content.append(buf, static_cast<std::size_t>(n));
            if (static_cast<la_int64_t>(content.size()) > kMaxEntryBytes)
                throw Error(ErrorKind::BadInput, zip.string() + ": " + name + " is too large for a roster");
        }
        if (n < 0)
            throw Error(ErrorKind::BadInput, "cannot read " + name + " in " + zip.string() + ": " + errorText(a.get()));
        files[name] = std::move(content);
    }
    if (rc != ARCHIVE_EOF)
        throw Error(ErrorKind::BadInput, "cannot read zip " + zip.string() + ": " + errorText(a.get()));
    return files;
}

} // namespace

std::map<std::string, std::string> readBundleFiles(const std::filesystem::path& path) {
    if (!std::filesystem::is_directory(path))
        return readZip(path);
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".csv")
            files[entry.path().filename().string()] = readFile(entry.path());
    return files;
}

std::string readTextFile(const std::filesystem::path& file) {
    return readFile(file);
}

} // namespace scanstation::core::import
