#include "sources/hot_folder_ledger.hpp"

#include "scanstation/core/error.hpp"

#include <array>
#include <ctime>
#include <fstream>
#include <sodium.h>
#include <sstream>
#include <unistd.h>
#include <fcntl.h>

namespace scanstation::scanner::detail {

HotFolderLedger::HotFolderLedger(std::filesystem::path file) : m_file(std::move(file)) {
    std::ifstream in(m_file);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string hash, time, outcome, original;
        if (std::getline(fields, hash, '\t') && std::getline(fields, time, '\t') &&
            std::getline(fields, outcome, '\t') && std::getline(fields, original, '\t'))
            m_entries[hash] = original + " at " + time;
    }
}

std::string HotFolderLedger::find(const std::string& sha256) const {
    const auto it = m_entries.find(sha256);
    return it == m_entries.end() ? std::string() : it->second;
}

void HotFolderLedger::record(const std::string& sha256, const std::string& outcome, const std::string& original,
                             const std::string& movedTo) {
    const std::string time = utcNow();
    const std::string line = sha256 + '\t' + time + '\t' + outcome + '\t' + original + '\t' + movedTo + '\n';
    // O_APPEND + fsync: the entry is on disk before the file is moved out of the inbox.
    const int fd = ::open(m_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || ::fsync(fd) != 0) {
        if (fd >= 0)
            ::close(fd);
        throw Error(ErrorKind::Infrastructure, "cannot write the hot folder ledger " + m_file.string());
    }
    ::close(fd);
    m_entries[sha256] = original + " at " + time;
}

std::string fileSha256(const std::filesystem::path& file) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium cannot start");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::BadInput, "cannot open " + file.string());
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::array<char, 64 * 1024> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                  static_cast<unsigned long long>(in.gcount()));
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

} // namespace scanstation::scanner::detail
