#pragma once
// The resolution a file declares for its pixels, in dots per inch; 0 when it declares none.
// OpenCV decodes pixels but drops these headers, and recognition wants to know the scale.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace scanstation::scanner::detail {

double pngDpi(std::string_view bytes);  // pHYs chunk (pixels per metre)
double jpegDpi(std::string_view bytes); // JFIF APP0 density (dots per inch or per cm)
// XResolution of every page (IFD) of a TIFF, in page order.
std::vector<double> tiffDpis(const std::filesystem::path& file);
// Why a TIFF is torn (an IFD, the next-IFD link or a page's strips/tiles reach past the end of
// the file), or empty when its structure is whole. Decoders would quietly stop at the last
// complete page instead.
std::string tiffTornReason(const std::filesystem::path& file);

} // namespace scanstation::scanner::detail
