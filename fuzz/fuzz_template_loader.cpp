// A card template JSON file, as a school might edit one by hand.
#include "scanstation/core/error.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)scanstation::templates::parseTemplate(text, "fuzz.json");
    } catch (const scanstation::Error&) {
    }
    return 0;
}
