#pragma once
// Sealing of one 4096-byte SQLite page in place (see sealed_vfs.hpp for the layout), internal.
#include <cstdint>

namespace scanstation::core::security {

enum class SealedFileKind : char { Store = 'D', Wal = 'W' };

// `page` holds SealedVfs::kPageSize bytes whose last kReserve bytes are zero (SQLite never
// writes its reserved bytes); they receive the nonce and tag. `position`: the page number of
// a store page, the frame number of a WAL frame.
void sealPage(std::uint8_t* page, const std::uint8_t* key, SealedFileKind kind, std::uint64_t position);

// Decrypts in place and zeroes the reserved bytes again; false when the tag does not verify.
bool openPage(std::uint8_t* page, const std::uint8_t* key, SealedFileKind kind, std::uint64_t position);

} // namespace scanstation::core::security
