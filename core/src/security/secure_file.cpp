#include "security/secure_file.hpp"

#include "scanstation/core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace scanstation::core::security {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void failErrno(const std::string& what, const fs::path& path) {
    const int err = errno;
    throw Error(err == ENOENT ? ErrorKind::NotFound : ErrorKind::Infrastructure,
                what + " " + path.string() + ": " + std::strerror(err));
}

void writeAll(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            failErrno("cannot write", path);
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void syncDir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        failErrno("cannot open directory", dir);
    ::fsync(fd);
    ::close(fd);
}

void writeNew(const fs::path& file, std::string_view bytes, mode_t mode, int extraFlags) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | extraFlags, mode);
    if (fd < 0)
        failErrno("cannot create", file);
    try {
        writeAll(fd, bytes, file);
        if (::fsync(fd) != 0)
            failErrno("cannot sync", file);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

} // namespace

void makePrivateDir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot create directory " + dir.string() + ": " + ec.message());
    if (::chmod(dir.c_str(), 0700) != 0)
        failErrno("cannot restrict permissions of", dir);
}

void writeKeyFile(const fs::path& file, std::string_view bytes, bool secret) {
    writeNew(file, bytes, secret ? 0600 : 0644, O_EXCL);
    ::chmod(file.c_str(), secret ? 0600 : 0644); // the umask may have removed bits we want
    syncDir(file.parent_path());
}

std::string readKeyFile(const fs::path& file, bool secret) {
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno == ENOENT)
            throw Error(ErrorKind::NotFound, "key file " + file.string() +
                                                 " is missing; create the station's keys with `scanstation keys init`");
        failErrno("cannot read key file", file);
    }
    if (secret && (st.st_mode & 077) != 0)
        throw Error(ErrorKind::PermissionDenied, "key file " + file.string() +
                                                     " may be read by group or others; run chmod 600 on it");
    return readWholeFile(file);
}

void writeFileAtomically(const fs::path& file, std::string_view bytes) {
    std::random_device rd;
    const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp" + std::to_string(rd()));
    writeNew(tmp, bytes, 0600, O_EXCL);
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        errno = err;
        failErrno("cannot rename into place", file);
    }
    syncDir(file.parent_path());
}

std::string readWholeFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (!fs::exists(file))
            throw Error(ErrorKind::NotFound, "file " + file.string() + " does not exist");
        throw Error(ErrorKind::Infrastructure, "cannot read " + file.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad())
        throw Error(ErrorKind::Infrastructure, "error while reading " + file.string());
    return out.str();
}

} // namespace scanstation::core::security
