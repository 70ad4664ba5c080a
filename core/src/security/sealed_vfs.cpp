#include "security/sealed_vfs.hpp"

#include "scanstation/core/error.hpp"
#include "security/sealed_page.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <vector>

namespace scanstation::core::security {
namespace {

constexpr sqlite3_int64 kPage = SealedVfs::kPageSize;
constexpr sqlite3_int64 kWalHeader = 32;      // WAL file header
constexpr sqlite3_int64 kFrameHeader = 24;    // before each page image in the WAL
constexpr sqlite3_int64 kFrame = kFrameHeader + kPage;

thread_local std::string t_failure;

enum class Kind { Store, Wal, Journal };

// One open file: our header, then the default VFS's own file object right behind it.
struct SealedFile {
    sqlite3_file base;
    const SealedVfs* owner;
    Kind kind;
    const char* path;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

SealedFile* cast(sqlite3_file* f) {
    return reinterpret_cast<SealedFile*>(f);
}

sqlite3_vfs* parentOf(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int fail(SealedFile* f, std::uint64_t position, const std::string& why) {
    t_failure = std::string(f->path ? f->path : "?") + (f->kind == Kind::Wal ? ", WAL frame " : ", page ") +
                std::to_string(position) + ": " + why;
    return SQLITE_IOERR_DATA;
}

// A page-sized region of the file: where it starts and its position for the associated data.
struct PageSlot {
    sqlite3_int64 start = 0;
    std::uint64_t position = 0;
    bool isPage = false; // false: a plain header byte range (WAL header, frame header)
    sqlite3_int64 end = 0;
};

PageSlot slotAt(Kind kind, sqlite3_int64 offset) {
    PageSlot s;
    if (kind == Kind::Store) {
        s.position = static_cast<std::uint64_t>(offset / kPage) + 1;
        s.start = (offset / kPage) * kPage;
        s.isPage = true;
        s.end = s.start + kPage;
        return s;
    }
    if (offset < kWalHeader)
        return {0, 0, false, kWalHeader};
    const sqlite3_int64 frame = (offset - kWalHeader) / kFrame;
    const sqlite3_int64 frameStart = kWalHeader + frame * kFrame;
    s.position = static_cast<std::uint64_t>(frame) + 1;
    if (offset < frameStart + kFrameHeader)
        return {frameStart, s.position, false, frameStart + kFrameHeader};
    s.start = frameStart + kFrameHeader;
    s.isPage = true;
    s.end = s.start + kPage;
    return s;
}

SealedFileKind cipherKind(Kind kind) {
    return kind == Kind::Wal ? SealedFileKind::Wal : SealedFileKind::Store;
}

// Reads and decrypts the whole page at `slot` into `page`; SQLITE_IOERR_SHORT_READ (zeros)
// when the page lies wholly beyond the end of the file.
int readPage(SealedFile* f, const PageSlot& slot, std::uint8_t* page) {
    sqlite3_int64 size = 0;
    if (int rc = f->real()->pMethods->xFileSize(f->real(), &size); rc != SQLITE_OK)
        return rc;
    if (slot.start >= size) {
        std::memset(page, 0, kPage);
        return SQLITE_IOERR_SHORT_READ;
    }
    if (slot.end > size)
        return fail(f, slot.position, "the page is cut short (the file was truncated)");
    if (int rc = f->real()->pMethods->xRead(f->real(), page, kPage, slot.start); rc != SQLITE_OK)
        return rc;
    if (!openPage(page, f->owner->key().data(), cipherKind(f->kind), slot.position))
        return fail(f, slot.position, "the page does not decrypt: wrong key, or the page was changed or moved");
    return SQLITE_OK;
}

int sealedRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    auto* f = cast(file);
    if (f->kind == Kind::Journal)
        return f->real()->pMethods->xRead(f->real(), buffer, amount, offset);
    auto* out = static_cast<std::uint8_t*>(buffer);
    std::vector<std::uint8_t> page(kPage);
    int result = SQLITE_OK;
    for (sqlite3_int64 at = offset, endAt = offset + amount; at < endAt;) {
        const PageSlot slot = slotAt(f->kind, at);
        const sqlite3_int64 upTo = std::min(endAt, slot.end);
        const auto n = static_cast<int>(upTo - at);
        int rc = SQLITE_OK;
        if (slot.isPage) {
            rc = readPage(f, slot, page.data());
            if (rc == SQLITE_OK || rc == SQLITE_IOERR_SHORT_READ)
                std::memcpy(out + (at - offset), page.data() + (at - slot.start), static_cast<std::size_t>(n));
        } else {
            rc = f->real()->pMethods->xRead(f->real(), out + (at - offset), n, at);
        }
        if (rc == SQLITE_IOERR_SHORT_READ)
            result = rc;
        else if (rc != SQLITE_OK)
            return rc;
        at = upTo;
    }
    return result;
}

// The page 1 header must promise what sealing needs; a store written otherwise would have
// data in the bytes the nonce and tag overwrite.
bool headerFitsSealing(const std::uint8_t* page1) {
    const int pageSize = (page1[16] << 8) | page1[17];
    return std::memcmp(page1, "SQLite format 3", 16) == 0 && pageSize == kPage && page1[20] == SealedVfs::kReserve;
}

int writeSealed(SealedFile* f, const std::uint8_t* data, int amount, sqlite3_int64 offset) {
    const PageSlot slot = slotAt(f->kind, offset);
    if (slot.start != offset || amount != kPage) {
        t_failure = std::string(f->path) + ": a write of " + std::to_string(amount) + " bytes at " +
                    std::to_string(offset) + " is not one whole page; the sealed store writes pages only";
        return SQLITE_IOERR_WRITE;
    }
    std::vector<std::uint8_t> page(data, data + kPage);
    const bool reserveClear = std::all_of(page.end() - SealedVfs::kReserve, page.end(), [](auto b) { return b == 0; });
    if (!reserveClear || (f->kind == Kind::Store && slot.position == 1 && !headerFitsSealing(page.data()))) {
        t_failure = std::string(f->path) + ": page " + std::to_string(slot.position) +
                    " does not leave its 40 reserved bytes free (page size 4096, reserve 40 required)";
        return SQLITE_IOERR_WRITE;
    }
    sealPage(page.data(), f->owner->key().data(), cipherKind(f->kind), slot.position);
    return f->real()->pMethods->xWrite(f->real(), page.data(), kPage, offset);
}

int sealedWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    auto* f = cast(file);
    const auto* in = static_cast<const std::uint8_t*>(buffer);
    if (f->kind == Kind::Journal) {
        // A page image in a rollback journal follows a 4-byte page number, so it never starts on
        // a 512-byte boundary; headers do. Refusing those writes keeps plaintext pages off disk.
        if (amount >= 512 && offset % 512 != 0) {
            t_failure = std::string(f->path) + ": the sealed store keeps no page images in a rollback journal";
            return SQLITE_IOERR_WRITE;
        }
        return f->real()->pMethods->xWrite(f->real(), buffer, amount, offset);
    }
    for (sqlite3_int64 at = offset, endAt = offset + amount; at < endAt;) {
        const PageSlot slot = slotAt(f->kind, at);
        const sqlite3_int64 upTo = std::min(endAt, slot.end);
        const auto n = static_cast<int>(upTo - at);
        const int rc = slot.isPage ? writeSealed(f, in + (at - offset), n, at)
                                   : f->real()->pMethods->xWrite(f->real(), in + (at - offset), n, at);
        if (rc != SQLITE_OK)
            return rc;
        at = upTo;
    }
    return SQLITE_OK;
}

// Pass-through methods: locking, sync, size and the WAL index are not sealed.
int sealedClose(sqlite3_file* file) {
    auto* f = cast(file);
    const int rc = f->real()->pMethods ? f->real()->pMethods->xClose(f->real()) : SQLITE_OK;
    return rc;
}
int sealedTruncate(sqlite3_file* f, sqlite3_int64 size) { return cast(f)->real()->pMethods->xTruncate(cast(f)->real(), size); }
int sealedSync(sqlite3_file* f, int flags) { return cast(f)->real()->pMethods->xSync(cast(f)->real(), flags); }
int sealedFileSize(sqlite3_file* f, sqlite3_int64* size) { return cast(f)->real()->pMethods->xFileSize(cast(f)->real(), size); }
int sealedLock(sqlite3_file* f, int level) { return cast(f)->real()->pMethods->xLock(cast(f)->real(), level); }
int sealedUnlock(sqlite3_file* f, int level) { return cast(f)->real()->pMethods->xUnlock(cast(f)->real(), level); }
int sealedCheckReserved(sqlite3_file* f, int* out) {
    return cast(f)->real()->pMethods->xCheckReservedLock(cast(f)->real(), out);
}
int sealedFileControl(sqlite3_file* f, int op, void* arg) {
    return cast(f)->real()->pMethods->xFileControl(cast(f)->real(), op, arg);
}
int sealedSectorSize(sqlite3_file* f) { return cast(f)->real()->pMethods->xSectorSize(cast(f)->real()); }
int sealedDeviceCharacteristics(sqlite3_file* f) {
    return cast(f)->real()->pMethods->xDeviceCharacteristics(cast(f)->real());
}
int sealedShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return cast(f)->real()->pMethods->xShmMap(cast(f)->real(), page, size, extend, out);
}
int sealedShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return cast(f)->real()->pMethods->xShmLock(cast(f)->real(), offset, n, flags);
}
void sealedShmBarrier(sqlite3_file* f) { cast(f)->real()->pMethods->xShmBarrier(cast(f)->real()); }
int sealedShmUnmap(sqlite3_file* f, int deleteFlag) {
    return cast(f)->real()->pMethods->xShmUnmap(cast(f)->real(), deleteFlag);
}
// Memory-mapped reads would bypass decryption: never offer a mapping.
int sealedFetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr;
    return SQLITE_OK;
}
int sealedUnfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

const sqlite3_io_methods kSealedMethods = {
    3,           sealedClose,   sealedRead,       sealedWrite,      sealedTruncate,
    sealedSync,  sealedFileSize, sealedLock,      sealedUnlock,     sealedCheckReserved,
    sealedFileControl, sealedSectorSize, sealedDeviceCharacteristics, sealedShmMap, sealedShmLock,
    sealedShmBarrier, sealedShmUnmap, sealedFetch, sealedUnfetch,
};

int sealedOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* f = cast(file);
    f->base.pMethods = nullptr;
    Kind kind = Kind::Store;
    if (flags & SQLITE_OPEN_MAIN_DB)
        kind = Kind::Store;
    else if (flags & SQLITE_OPEN_WAL)
        kind = Kind::Wal;
    else if (flags & SQLITE_OPEN_MAIN_JOURNAL)
        kind = Kind::Journal;
    else {
        t_failure = "the sealed store refuses temporary and super-journal files (temp_store must be MEMORY)";
        return SQLITE_CANTOPEN;
    }
    f->owner = static_cast<const SealedVfs*>(nullptr);
    f->kind = kind;
    f->path = name;
    std::memset(f->real(), 0, static_cast<std::size_t>(parentOf(vfs)->szOsFile));
    const int rc = parentOf(vfs)->xOpen(parentOf(vfs), name, f->real(), flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    f->base.pMethods = &kSealedMethods;
    return SQLITE_OK;
}

// The VFS object and its owner's key: the registered sqlite3_vfs is the first member.
struct SealedVfsObject {
    sqlite3_vfs vfs;
    const SealedVfs* owner;
};

int openWithOwner(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* object = reinterpret_cast<SealedVfsObject*>(vfs);
    const int rc = sealedOpen(vfs, name, file, flags, outFlags);
    cast(file)->owner = object->owner;
    return rc;
}

int vfsDelete(sqlite3_vfs* v, const char* name, int sync) { return parentOf(v)->xDelete(parentOf(v), name, sync); }
int vfsAccess(sqlite3_vfs* v, const char* name, int flags, int* out) {
    return parentOf(v)->xAccess(parentOf(v), name, flags, out);
}
int vfsFullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
    return parentOf(v)->xFullPathname(parentOf(v), name, n, out);
}
void* vfsDlOpen(sqlite3_vfs* v, const char* name) { return parentOf(v)->xDlOpen(parentOf(v), name); }
void vfsDlError(sqlite3_vfs* v, int n, char* out) { parentOf(v)->xDlError(parentOf(v), n, out); }
void (*vfsDlSym(sqlite3_vfs* v, void* h, const char* sym))(void) { return parentOf(v)->xDlSym(parentOf(v), h, sym); }
void vfsDlClose(sqlite3_vfs* v, void* h) { parentOf(v)->xDlClose(parentOf(v), h); }
int vfsRandomness(sqlite3_vfs* v, int n, char* out) { return parentOf(v)->xRandomness(parentOf(v), n, out); }
int vfsSleep(sqlite3_vfs* v, int micro) { return parentOf(v)->xSleep(parentOf(v), micro); }
int vfsCurrentTime(sqlite3_vfs* v, double* out) { return parentOf(v)->xCurrentTime(parentOf(v), out); }
int vfsGetLastError(sqlite3_vfs* v, int n, char* out) { return parentOf(v)->xGetLastError(parentOf(v), n, out); }
int vfsCurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
    return parentOf(v)->xCurrentTimeInt64(parentOf(v), out);
}

std::atomic<int> g_counter{0};

} // namespace

SealedVfs::SealedVfs(const SecretKey& storeKey) : m_key(storeKey) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    sqlite3_initialize();
    sqlite3_vfs* parent = sqlite3_vfs_find(nullptr);
    if (!parent || parent->iVersion < 2 || !parent->xCurrentTimeInt64)
        throw Error(ErrorKind::Infrastructure, "SQLite has no default VFS to seal the store over");
    m_name = "scanstation-sealed-" + std::to_string(++g_counter);
    auto* object = new SealedVfsObject{};
    object->owner = this;
    sqlite3_vfs& v = object->vfs;
    v.iVersion = 2;
    v.szOsFile = static_cast<int>(sizeof(SealedFile)) + parent->szOsFile;
    v.mxPathname = parent->mxPathname;
    v.zName = m_name.c_str();
    v.pAppData = parent;
    v.xOpen = openWithOwner;
    v.xDelete = vfsDelete;
    v.xAccess = vfsAccess;
    v.xFullPathname = vfsFullPathname;
    v.xDlOpen = vfsDlOpen;
    v.xDlError = vfsDlError;
    v.xDlSym = vfsDlSym;
    v.xDlClose = vfsDlClose;
    v.xRandomness = vfsRandomness;
    v.xSleep = vfsSleep;
    v.xCurrentTime = vfsCurrentTime;
    v.xGetLastError = vfsGetLastError;
    v.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    if (sqlite3_vfs_register(&v, 0) != SQLITE_OK) {
        delete object;
        throw Error(ErrorKind::Infrastructure, "cannot register the sealed store's SQLite VFS");
    }
    m_vfs = &v;
}

SealedVfs::~SealedVfs() {
    sqlite3_vfs_unregister(m_vfs);
    delete reinterpret_cast<SealedVfsObject*>(m_vfs);
}

SecretKey deriveStoreKey(const SecretKey& dataKey) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    std::array<std::uint8_t, SecretKey::kSize> bytes{};
    crypto_kdf_derive_from_key(bytes.data(), bytes.size(), 1, "ssstore1", dataKey.data());
    SecretKey key(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

std::string takeSealFailure() {
    std::string out;
    out.swap(t_failure);
    return out;
}

bool isPlainSqliteFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    return in.read(header, sizeof header) && std::memcmp(header, "SQLite format 3", 16) == 0;
}

} // namespace scanstation::core::security
