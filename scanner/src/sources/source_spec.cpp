#include "scanstation/scanner/sources/source_spec.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/file_page_source.hpp"

#include <filesystem>

namespace scanstation::scanner {

namespace {

constexpr const char* kForms = "file:PATH, folder:PATH, sane, sane:DEVICE, camera, camera:N, video:FILE or an existing path";

} // namespace

SourceSpec parseSourceSpec(const std::string& text) {
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
    const bool hasRest = colon != std::string::npos && !rest.empty();
    auto bad = [&](const std::string& why) {
        return Error(ErrorKind::BadInput, "source '" + text + "': " + why + " (expected " + kForms + ")");
    };
    if (kind == "file" || kind == "folder" || kind == "video") {
        if (!hasRest)
            throw bad(kind + ": needs a path");
        return {kind == "file" ? SourceSpec::Kind::File : kind == "folder" ? SourceSpec::Kind::Folder : SourceSpec::Kind::Video, rest};
    }
    if (kind == "sane")
        return {SourceSpec::Kind::Sane, rest};
    if (kind == "camera")
        return {SourceSpec::Kind::Camera, hasRest ? rest : "0"};
    std::error_code ec;
    if (!text.empty() && std::filesystem::is_directory(text, ec))
        return {SourceSpec::Kind::Folder, text};
    if (!text.empty() && std::filesystem::is_regular_file(text, ec))
        return {SourceSpec::Kind::File, text};
    throw bad("unknown kind, and no such file or folder");
}

std::string toString(const SourceSpec& spec) {
    switch (spec.kind) {
    case SourceSpec::Kind::File: return "file:" + spec.target;
    case SourceSpec::Kind::Folder: return "folder:" + spec.target;
    case SourceSpec::Kind::Sane: return spec.target.empty() ? "sane" : "sane:" + spec.target;
    case SourceSpec::Kind::Camera: return "camera:" + spec.target;
    case SourceSpec::Kind::Video: return "video:" + spec.target;
    }
    return "?";
}

std::unique_ptr<PageSource> openPageSource(const SourceSpec& spec, const SourceSettings& settings) {
    switch (spec.kind) {
    case SourceSpec::Kind::File: return std::make_unique<FilePageSource>(std::vector<std::filesystem::path>{spec.target});
    case SourceSpec::Kind::Folder: return FilePageSource::fromFolder(spec.target);
    case SourceSpec::Kind::Sane: {
        SaneScanSettings sane = settings.sane;
        if (!spec.target.empty())
            sane.device = spec.target;
        return std::make_unique<SanePageSource>(sane);
    }
    case SourceSpec::Kind::Camera:
    case SourceSpec::Kind::Video: {
        CameraOptions camera = settings.camera;
        camera.device = spec.target;
        return std::make_unique<CameraPageSource>(camera);
    }
    }
    throw Error(ErrorKind::BadInput, "unknown source kind");
}

} // namespace scanstation::scanner
