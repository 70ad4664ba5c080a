#include "acquisition_options.hpp"

#include "scanstation/core/error.hpp"

#include <CLI/CLI.hpp>

namespace scanstation::cli {

void addAcquisitionOptions(CLI::App& command, AcquisitionOptions& o) {
    command.add_option("--source", o.source,
                       "Page source: file:PATH, folder:PATH, sane[:DEVICE], camera[:N], video:FILE");
    command.add_option("--dpi", o.dpi, "Scanner resolution in dots per inch (nearest the device offers)")
        ->capture_default_str();
    command.add_option("--mode", o.mode, "Scanner colour mode: color, gray or lineart")->capture_default_str();
    command.add_flag("--duplex", o.duplex, "Scan both sides (needs the document feeder)");
    command.add_flag("--flatbed", o.flatbed, "Scan one page from the flatbed instead of the feeder");
    command.add_option("--sane-option", o.saneOptions,
                       "Backend option NAME=VALUE, as `scanimage --help -d DEVICE` lists them (repeatable)");
}

scanner::SourceSettings sourceSettingsOf(const AcquisitionOptions& o) {
    scanner::SourceSettings settings;
    settings.sane.resolutionDpi = o.dpi;
    settings.sane.mode = scanner::colorModeFromString(o.mode);
    settings.sane.duplex = o.duplex;
    settings.sane.feeder = !o.flatbed;
    for (const auto& option : o.saneOptions) {
        const auto eq = option.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorKind::BadInput, "--sane-option '" + option + "': expected NAME=VALUE");
        settings.sane.backendOptions.emplace_back(option.substr(0, eq), option.substr(eq + 1));
    }
    return settings;
}

std::unique_ptr<scanner::PageSource> openAcquisitionSource(const AcquisitionOptions& o) {
    if (o.source.empty())
        throw Error(ErrorKind::BadInput, "no --source given");
    return scanner::openPageSource(scanner::parseSourceSpec(o.source), sourceSettingsOf(o));
}

} // namespace scanstation::cli
