#pragma once
// The one place a page source is chosen from text, for `scanstation scan --source SPEC` and the
// station configuration. Syntax:
//   file:PATH        one page file (PNG, JPEG, TIFF, PDF, PNM)
//   folder:PATH      every page file in a folder, by name (read once; see `watch` for a hot folder)
//   sane             the first scanner SANE finds
//   sane:DEVICE      a SANE device by name, as `scanstation devices` lists it (may contain ':')
//   camera, camera:N a camera by index (default 0), or camera:/dev/videoN
//   video:FILE       a recorded video of a document camera
//   PATH             (no prefix) an existing file or folder, as file: or folder:
#include "scanstation/scanner/sources/camera_page_source.hpp"
#include "scanstation/scanner/sources/page_source.hpp"
#include "scanstation/scanner/sources/sane_page_source.hpp"

#include <memory>
#include <string>

namespace scanstation::scanner {

struct SourceSpec {
    enum class Kind { File, Folder, Sane, Camera, Video };
    Kind kind = Kind::File;
    std::string target; // path, SANE device name (empty: first found), camera index or device path
};

// Throws BadInput naming the spec and the accepted forms.
SourceSpec parseSourceSpec(const std::string& text);
std::string toString(const SourceSpec& spec);

// Settings each kind of source may need; the spec's target overrides sane.device / camera.device.
struct SourceSettings {
    SaneScanSettings sane;
    CameraOptions camera;
};

std::unique_ptr<PageSource> openPageSource(const SourceSpec& spec, const SourceSettings& settings = {});

} // namespace scanstation::scanner
