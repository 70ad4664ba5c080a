#pragma once
#include <cstdint>
#include <string>

namespace scanstation::reg {

std::string sha256Hex(const std::string& data);
std::string randomHex(int bytes);
std::string nowIso();        // UTC, millisecond precision, e.g. 2026-11-23T12:00:00.123Z
std::int64_t nowEpochSeconds();
bool isIsoDate(const std::string& text); // YYYY-MM-DD
std::string base64Decode(const std::string& text); // for HTTP Basic credentials

} // namespace scanstation::reg
