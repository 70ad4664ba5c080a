// A OneRoster bundle as a .zip file (what a register exports): the zip reader (libarchive) and
// then the bundle parser. The reader takes a path, so each input is written to a private file.
#include "import/roster_parsers.hpp"
#include "scanstation/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

const std::filesystem::path& scratchZip() {
    static const std::filesystem::path file = [] {
        const auto dir = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                             : std::filesystem::temp_directory_path();
        return dir / ("scanstation-fuzz-roster-" + std::to_string(::getpid()) + ".zip");
    }();
    return file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(scratchZip(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        using namespace scanstation::core::import;
        (void)parseOneRosterBundle(readBundleFiles(scratchZip()));
    } catch (const scanstation::Error&) {
    }
    return 0;
}
