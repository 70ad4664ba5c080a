#include "code128.hpp"

#include "scanstation/core/error.hpp"

#include <array>

namespace scanstation::templates::detail {
namespace {

// Bar, space, bar, space, bar, space widths of symbol values 0..106 (ISO/IEC 15417 table);
// 106 is the stop pattern without its final 2-module bar.
constexpr std::array<int, 107> kPatterns = {
    212222, 222122, 222221, 121223, 121322, 131222, 122213, 122312, 132212, 221213, 221312, 231212, 112232, 122132,
    122231, 113222, 123122, 123221, 223211, 221132, 221231, 213212, 223112, 312131, 311222, 321122, 321221, 312212,
    322112, 322211, 212123, 212321, 232121, 111323, 131123, 131321, 112313, 132113, 132311, 211313, 231113, 231311,
    112133, 112331, 132131, 113123, 113321, 133121, 313121, 211331, 231131, 213113, 213311, 213131, 311123, 311321,
    331121, 312113, 312311, 332111, 314111, 221411, 431111, 111224, 111422, 121124, 121421, 141122, 141221, 112214,
    112412, 122114, 122411, 142112, 142211, 241211, 221114, 413111, 241112, 134111, 111242, 121142, 121241, 114212,
    124112, 124211, 411212, 421112, 421211, 212141, 214121, 412121, 111143, 111341, 131141, 114113, 114311, 411113,
    411311, 113141, 114131, 311141, 411131, 211412, 211214, 211232, 233111};
constexpr int kStartB = 104;
constexpr int kStop = 106;

void append(std::vector<int>& widths, int value) {
    const int p = kPatterns[static_cast<std::size_t>(value)];
    for (int div = 100000; div > 0; div /= 10)
        widths.push_back(p / div % 10);
}

} // namespace

std::vector<int> code128Widths(const std::string& text) {
    std::vector<int> widths;
    append(widths, kStartB);
    long check = kStartB;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 32 || c > 126)
            throw Error(ErrorKind::BadInput, "Code 128: byte " + std::to_string(c) + " at " + std::to_string(i) +
                                                 " is not printable ASCII");
        append(widths, c - 32);
        check += static_cast<long>(i + 1) * (c - 32);
    }
    append(widths, static_cast<int>(check % 103));
    append(widths, kStop);
    widths.push_back(2); // the stop pattern's final bar
    return widths;
}

} // namespace scanstation::templates::detail
