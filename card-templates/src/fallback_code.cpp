#include "scanstation/templates/fallback_code.hpp"

#include "code128.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace scanstation::templates {

core::RectMm fallbackCodeRegion(const core::CardTemplate& tpl) {
    const auto& q = tpl.identityCodeRegion;
    const double x = q.x + 8, y = q.y + q.height + 8;
    return {x, y, q.x + q.width + 4 - x, tpl.pageHeightMm - 20 - y};
}

std::vector<std::string> fallbackCodeChunks(const core::CardTemplate& tpl, const std::string& payload) {
    if (payload.empty() || !std::all_of(payload.begin(), payload.end(), [](char c) { return c >= 32 && c <= 126; }))
        return {};
    // A column runs down the strip: its length holds the symbol and both quiet zones.
    const double length = fallbackCodeRegion(tpl).height;
    const int modules = static_cast<int>(std::floor(length / kFallbackModuleMm)) - 2 * kFallbackQuietModules;
    const int perChunk = (modules - detail::code128Modules(0)) / 11 - 2; // less the "kn" prefix
    if (perChunk <= 0)
        return {};
    const int n = static_cast<int>((payload.size() + static_cast<std::size_t>(perChunk) - 1) / static_cast<std::size_t>(perChunk));
    if (n > kFallbackMaxChunks)
        return {};
    // Even pieces, so that every column has the same length and tolerance.
    const std::size_t piece = (payload.size() + static_cast<std::size_t>(n) - 1) / static_cast<std::size_t>(n);
    std::vector<std::string> chunks;
    for (int k = 0; k < n; ++k)
        chunks.push_back(std::to_string(k + 1) + std::to_string(n) +
                         payload.substr(static_cast<std::size_t>(k) * piece, piece));
    return chunks;
}

std::optional<std::string> joinFallbackCodeChunks(const std::vector<std::string>& decoded) {
    const std::set<std::string> unique(decoded.begin(), decoded.end());
    if (unique.empty())
        return std::nullopt;
    std::vector<const std::string*> byIndex;
    int count = 0;
    for (const auto& chunk : unique) {
        if (chunk.size() < 3 || chunk[0] < '1' || chunk[0] > '9' || chunk[1] < '1' || chunk[1] > '9')
            return std::nullopt;
        const int n = chunk[1] - '0';
        if (count != 0 && n != count)
            return std::nullopt;
        count = n;
        byIndex.resize(static_cast<std::size_t>(n), nullptr);
        const auto k = static_cast<std::size_t>(chunk[0] - '1');
        if (k >= byIndex.size() || byIndex[k])
            return std::nullopt; // out of range, or two different texts for one chunk
        byIndex[k] = &chunk;
    }
    std::string payload;
    for (const auto* chunk : byIndex) {
        if (!chunk)
            return std::nullopt;
        payload += chunk->substr(2);
    }
    return payload;
}

} // namespace scanstation::templates
