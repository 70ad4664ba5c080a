#pragma once
// Small binary-file helpers for the page readers: whole-file reads and header probes.
#include <cstdint>
#include <filesystem>
#include <string>

namespace scanstation::scanner::detail {

// The whole file; throws BadInput naming the file when it cannot be read.
std::string readFileBytes(const std::filesystem::path& file);

// Up to `count` bytes from `offset` (fewer at the end of the file; empty when unreadable).
std::string readFileRange(const std::filesystem::path& file, std::uintmax_t offset, std::size_t count);

// "file.tif" or "file.tif, page 3" — how every reader error names its place.
std::string placeOf(const std::filesystem::path& file, int page = 0);

} // namespace scanstation::scanner::detail
