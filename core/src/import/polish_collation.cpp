#include "import/polish_collation.hpp"

#include <cstdint>
#include <vector>

namespace scanstation::core::import {

namespace {

std::vector<std::uint32_t> codePoints(std::string_view s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            len = 2;
        } else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            len = 3;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

// Primary weight: letters in Polish alphabet order, case folded; others after all letters.
std::uint32_t weight(std::uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z')
        cp += 'a' - 'A';
    if (cp >= 'a' && cp <= 'z')
        return (cp - 'a') * 4 + 100;
    switch (cp) {
    case 0x104: case 0x105: return ('a' - 'a') * 4 + 102; // Ą ą
    case 0x106: case 0x107: return ('c' - 'a') * 4 + 102; // Ć ć
    case 0x118: case 0x119: return ('e' - 'a') * 4 + 102; // Ę ę
    case 0x141: case 0x142: return ('l' - 'a') * 4 + 102; // Ł ł
    case 0x143: case 0x144: return ('n' - 'a') * 4 + 102; // Ń ń
    case 0xD3: case 0xF3: return ('o' - 'a') * 4 + 102;   // Ó ó
    case 0x15A: case 0x15B: return ('s' - 'a') * 4 + 102; // Ś ś
    case 0x179: case 0x17A: return ('z' - 'a') * 4 + 102; // Ź ź
    case 0x17B: case 0x17C: return ('z' - 'a') * 4 + 103; // Ż ż
    default: break;
    }
    if (cp == ' ' || cp == '-')
        return 50; // "Nowak-Kowalska" sorts with the compound's first part
    return cp < 'a' ? cp : 1000 + cp;
}

} // namespace

bool polishLess(std::string_view a, std::string_view b) {
    const auto ca = codePoints(a), cb = codePoints(b);
    for (std::size_t i = 0; i < ca.size() && i < cb.size(); ++i) {
        const auto wa = weight(ca[i]), wb = weight(cb[i]);
        if (wa != wb)
            return wa < wb;
    }
    if (ca.size() != cb.size())
        return ca.size() < cb.size();
    return a < b;
}

} // namespace scanstation::core::import
