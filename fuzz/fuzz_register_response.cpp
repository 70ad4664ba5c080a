// The register's answer to a delivery: whatever a server (or a proxy in between) sends back.
#include "scanstation/core/error.hpp"
#include "wire_format.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string problem;
    try {
        (void)scanstation::sync::detail::parseOutcomes(text, problem);
    } catch (const scanstation::Error&) {
    }
    return 0;
}
