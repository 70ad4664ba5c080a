#pragma once
// Finds an operator's sign-in badge (core's operator_badges.hpp) in a scanned page or a camera
// frame: the QR code anywhere in the image whose text has the badge form. Whether the badge is
// valid is core's answer (OperatorBadges::signIn); this only reads it. A page without a badge
// is a finding, not an error.
#include "scanstation/scanner/image.hpp"

#include <optional>
#include <string>

namespace scanstation::scanner {

struct BadgeFinding {
    std::optional<std::string> token; // the badge's text, when a badge code was read
    std::string finding;              // when none: "no code found", or what the codes were instead
    bool found() const { return token.has_value(); }
};

// Scans the whole image (ZBar, QR codes only); never throws for odd input.
BadgeFinding findBadge(const ImageView& image);

} // namespace scanstation::scanner
