// The station configuration file (station.conf), as a technician might edit it by hand.
#include "scanstation/core/error.hpp"
#include "scanstation/core/station_config.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto config = scanstation::core::parseStationConfig(text, "fuzz.conf");
        (void)config.whereIs("scanner.source");
    } catch (const scanstation::Error&) {
        // A refused line is a correct answer; only crashes, leaks and UB are findings.
    }
    return 0;
}
