#pragma once
// Code 128 set B encoding as bar and space widths in modules. Internal.
#include <string>
#include <vector>

namespace scanstation::templates::detail {

// Widths of the alternating bars and spaces (first a bar) of start B, the text, the check
// symbol and stop. Throws Error{BadInput} for a byte outside printable ASCII (32..126).
std::vector<int> code128Widths(const std::string& text);

// Modules of a symbol carrying `chars` characters, without quiet zones.
inline int code128Modules(int chars) { return 11 * (chars + 2) + 13; }

} // namespace scanstation::templates::detail
