#include "scanstation/scanner/ingest/page_image_store.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/page_images.hpp"
#include "scanstation/core/store.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace scanstation::scanner {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& file) {
    throw Error(ErrorKind::Infrastructure, what + " " + file.string() + ": " + std::strerror(errno));
}

void fsyncPath(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0)
        fail("cannot open", path);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        fail("cannot flush", path);
}

// Write to a unique temporary name, flush, rename over the final name, flush the folder: a
// crash leaves the whole file or none (a stray .tmp at worst, ignored and overwritten).
void writeDurably(const fs::path& file, std::string_view bytes) {
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        fail("cannot create", tmp);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            fail("cannot write", tmp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("cannot flush", tmp);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), file.c_str()) != 0)
        fail("cannot rename to", file);
    fsyncPath(file.parent_path(), O_RDONLY | O_DIRECTORY);
}

} // namespace

PageImageStore::PageImageStore(core::Store& store) : m_store(store), m_root(store.dataDir() / "images") {}

std::string PageImageStore::hashOf(std::string_view bytes) {
    return core::PageImages::sha256Hex(bytes);
}

fs::path PageImageStore::pathFor(const std::string& fileHash, const std::string& extension) const {
    return m_root / fileHash.substr(0, 2) / (fileHash + extension);
}

std::string PageImageStore::put(std::string_view bytes, const std::string& extension) {
    const std::string hash = hashOf(bytes);
    const fs::path file = pathFor(hash, extension);
    std::error_code ec;
    if (fs::exists(file, ec) && fs::file_size(file, ec) == bytes.size())
        return hash;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot create " + file.parent_path().string() + ": " + ec.message());
    writeDurably(file, bytes);
    return hash;
}

void PageImageStore::recordPage(const std::string& pageHash, const std::string& fileHash, const std::string& extension,
                                int pageNumber, std::uintmax_t bytes) {
    const auto relative = fs::relative(pathFor(fileHash, extension), m_store.dataDir());
    core::PageImages(m_store).record(core::PageImage{pageHash, relative.string(), pageNumber, bytes, {}});
}

std::optional<PageImageStore::Location> PageImageStore::locate(const std::string& pageHash) const {
    const auto image = core::PageImages(m_store).find(pageHash);
    if (!image)
        return std::nullopt;
    return Location{m_store.dataDir() / image->relativePath, image->page};
}

} // namespace scanstation::scanner
