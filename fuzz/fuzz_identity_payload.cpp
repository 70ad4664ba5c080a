// The identity code's text as ZBar hands it over from a scanned page: anything at all.
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)scanstation::core::parseIdentityPayload(text);
    } catch (const scanstation::Error&) {
    }
    return 0;
}
