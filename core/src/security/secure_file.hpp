#pragma once
// Small POSIX file helpers for secrets and durable writes, internal to core.
#include <filesystem>
#include <string>
#include <string_view>

namespace scanstation::core::security {

// Creates the directory and its parents; the last component gets mode 0700.
void makePrivateDir(const std::filesystem::path& dir);

// Writes a new file with O_EXCL and mode 0600 (secret) or 0644, fsyncs it and its directory.
void writeKeyFile(const std::filesystem::path& file, std::string_view bytes, bool secret);

// Reads a whole key file; for a secret, refuses (Error{PermissionDenied}) a file that group or
// others may access. Error{NotFound} when missing.
std::string readKeyFile(const std::filesystem::path& file, bool secret);

// Writes `bytes` to `file` atomically: a temporary file in the same directory, fsync, rename,
// fsync of the directory. A crash leaves either the old file or the whole new one.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes);

// Reads a whole file. Error{NotFound} when missing, Error{Infrastructure} when unreadable.
std::string readWholeFile(const std::filesystem::path& file);

} // namespace scanstation::core::security
