#pragma once
// The operator's sign-in badge (core's operator_badges.hpp): an ID-1 card (85.6 x 54 mm, the
// size of a bank card, to fit a lanyard sleeve) with the school, the operator's name, role and
// login, and a QR code carrying the badge token. Drawn with the cards' cairo, DejaVu Sans and
// libqrencode.
#include <filesystem>
#include <string>

namespace scanstation::templates {

struct BadgeContent {
    std::string school;
    std::string name; // display name
    std::string role; // as printed, e.g. "administrator"
    std::string login;
    std::string token; // the QR code's text
};

inline constexpr double kBadgeWidthMm = 85.6;
inline constexpr double kBadgeHeightMm = 54.0;

// Writes the badge as PDF or PNG (at `dpi`), chosen by the file's extension (.pdf, .png).
// Error{BadInput} for another extension or an empty token, Error{Infrastructure} when the file
// cannot be written.
void printBadge(const BadgeContent& badge, const std::filesystem::path& file, double dpi = 300);

} // namespace scanstation::templates
