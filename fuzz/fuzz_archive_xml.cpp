// An archive file read back from a disc years later: the parser and the signature check.
#include "scanstation/core/error.hpp"
#include "scanstation/core/station_archive.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)scanstation::core::StationArchive::parse(text);
    } catch (const scanstation::Error&) {
    }
    try {
        (void)scanstation::core::StationArchive::verify(text, scanstation::core::PublicKey{});
    } catch (const scanstation::Error&) {
    }
    return 0;
}
