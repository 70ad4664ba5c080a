#include "sources/file_bytes.hpp"

#include "scanstation/core/error.hpp"

#include <fstream>
#include <iterator>

namespace scanstation::scanner::detail {

std::string readFileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::BadInput, "cannot open " + file.string());
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(ErrorKind::BadInput, "cannot read " + file.string());
    return bytes;
}

std::string readFileRange(const std::filesystem::path& file, std::uintmax_t offset, std::size_t count) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return {};
    in.seekg(static_cast<std::streamoff>(offset));
    std::string bytes(count, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::string placeOf(const std::filesystem::path& file, int page) {
    std::string place = file.string();
    if (page > 0)
        place += ", page " + std::to_string(page);
    return place;
}

} // namespace scanstation::scanner::detail
