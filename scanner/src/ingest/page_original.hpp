#pragma once
// The original bytes of a page as acquired: the file it came from (shared by the pages of a
// multi-page TIFF or PDF), or — for a page with no file (scanner, camera) — a lossless PNG of
// its pixels. The page's content address is the file's SHA-256 for a one-page file, else the
// SHA-256 of "<file hash>#<page>".
#include "scanstation/scanner/image.hpp"

#include <string>

namespace scanstation::scanner::detail {

struct PageOriginal {
    std::string bytes;     // of the whole original file
    std::string extension; // ".png", ".pdf", ...
    std::string fileHash;
    std::string pageHash;
    int pageInFile = 1;
};

PageOriginal originalOf(const Page& page);
// For bytes the caller already holds.
PageOriginal originalOf(std::string bytes, const std::string& extension, int pageInFile, bool multiPage);

} // namespace scanstation::scanner::detail
