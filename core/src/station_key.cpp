#include "scanstation/core/station_key.hpp"

#include "scanstation/core/error.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace scanstation::core {
namespace {

void initSodium() {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
}

std::string toHex(const std::array<std::uint8_t, StationKey::kSize>& bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

// Writes the key to a new file with mode 0600; false when the file already exists (another
// process created it first: its key wins and is read back).
bool createKeyFile(const std::filesystem::path& file, const StationKey& key) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot create the station key: " + std::strerror(errno));
    }
    const std::string text = toHex(key.bytes()) + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot write the station key");
    return true;
}

} // namespace

StationKey StationKey::generate() {
    initSodium();
    std::array<std::uint8_t, kSize> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return StationKey(bytes);
}

StationKey loadStationKey(const std::filesystem::path& dataDir) {
    const auto file = dataDir / StationKey::kFileName;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno == ENOENT)
            throw Error(ErrorKind::NotFound, file.string() + ": no station key");
        throw Error(ErrorKind::Infrastructure, file.string() + ": " + std::strerror(errno));
    }
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw Error(ErrorKind::Integrity, file.string() + ": the station key is readable by others (mode " + mode +
                                              "); anyone with it can forge cards. Run: chmod 600 " + file.string());
    }
    std::ifstream in(file);
    std::string hex;
    if (!in || !std::getline(in, hex))
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot read the station key");
    std::array<std::uint8_t, StationKey::kSize> bytes{};
    std::size_t length = 0;
    initSodium();
    if (hex.size() != StationKey::kSize * 2 ||
        sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != StationKey::kSize)
        throw Error(ErrorKind::Integrity, file.string() + ": the station key is not 64 hex digits");
    return StationKey(bytes);
}

StationKey loadOrCreateStationKey(const std::filesystem::path& dataDir) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, dataDir.string() + ": cannot create the data directory: " + ec.message());
    const auto file = dataDir / StationKey::kFileName;
    if (!std::filesystem::exists(file))
        createKeyFile(file, StationKey::generate());
    return loadStationKey(dataDir);
}

} // namespace scanstation::core
