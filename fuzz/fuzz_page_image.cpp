// A page file as a scanner, a hot folder or a USB stick hands it over: any bytes at all, read
// by type sniffing (PNG, JPEG, TIFF, PDF, PNM) and, when a page decodes, recognised as a card.
// The readers take a path (TIFF and PDF decoders want a file), so each input is written to one
// private temporary file first.
#include "scanstation/core/error.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// Recognition of a page of many megapixels takes seconds; the fuzzer wants thousands of
// inputs a second. Readers still see every size; only smaller pages go on to recognition.
constexpr long long kMaxRecognisedPixels = 1'500'000;

const fs::path& scratchFile() {
    static const fs::path file = [] {
        const fs::path dir = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        return dir / ("scanstation-fuzz-page-" + std::to_string(::getpid()));
    }();
    return file;
}

const scanstation::scanner::Recognizer& recognizer() {
    using namespace scanstation;
    static const auto instance = [] {
        scanner::RecognizerConfig config;
        config.templates = templates::loadTemplateDir(templates::shippedTemplateDir());
        std::array<std::uint8_t, core::StationKey::kSize> key{};
        key.fill(0x5a); // a fixed key: fuzzed identity codes fail their MAC, which is a result
        config.verifyIdentity = scanner::stationIdentityVerifier(core::StationKey(key), "fuzz-school");
        return std::make_unique<scanner::Recognizer>(std::move(config));
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace scanstation;
    {
        std::ofstream out(scratchFile(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        scanner::PageFileReader reader(scratchFile());
        while (const auto page = reader.next()) {
            const auto view = page->image.view();
            if (static_cast<long long>(view.width) * view.height <= kMaxRecognisedPixels)
                (void)recognizer().recognize(view);
        }
    } catch (const Error&) {
        // A refused file is a correct answer; only crashes, hangs, leaks and UB are findings.
    }
    return 0;
}
