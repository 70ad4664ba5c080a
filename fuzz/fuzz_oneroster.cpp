// A OneRoster CSV bundle. The input is split into the bundle's files at lines "=== name.csv".
#include "import/roster_parsers.hpp"
#include "scanstation/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace {

std::map<std::string, std::string> splitBundle(std::string_view text) {
    std::map<std::string, std::string> files;
    std::string* current = nullptr;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
        text.remove_prefix(line.size());
        if (line.rfind("=== ", 0) == 0) {
            auto name = std::string(line.substr(4));
            while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
                name.pop_back();
            current = &files[name];
        } else if (current) {
            current->append(line);
        }
    }
    return files;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)scanstation::core::import::parseOneRosterBundle(splitBundle(text));
    } catch (const scanstation::Error&) {
    }
    return 0;
}
