// The station's simple roster CSV, as an administrator might import any file.
#include "import/roster_parsers.hpp"
#include "scanstation/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)scanstation::core::import::parseSimpleRosterCsv(text, "fuzz.csv");
    } catch (const scanstation::Error&) {
        // A refused file is a correct answer; only crashes, leaks and UB are findings.
    }
    return 0;
}
