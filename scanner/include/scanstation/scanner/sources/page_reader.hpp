#pragma once
// Reading page images from files: PNG, JPEG, TIFF (every page), PDF (every page, rendered at
// the scan's own resolution) and PNM/PGM/PBM as SANE's scanimage writes them.
// A corrupt, torn or unknown file throws scanstation::Error(BadInput) naming the file (and page).
#include "scanstation/scanner/image.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace scanstation::scanner {

enum class PageFileType { Png, Jpeg, Tiff, Pdf, Pnm, Unknown };

// Decided by the file's first bytes, never by its extension.
PageFileType detectPageFileType(const std::filesystem::path& file);

// True for the extensions a folder source or hot folder picks up (.png .jpg .jpeg .tif .tiff
// .pdf .pnm .pgm .ppm .pbm, any case).
bool hasPageFileExtension(const std::filesystem::path& file);

// PDFs whose pages carry no full-page image (born-digital) are rendered at this resolution.
inline constexpr double kDefaultPdfDpi = 300.0;

// Every page of a file, in order. Pages are numbered from 1; Page::source is the path.
std::vector<Page> readPages(const std::filesystem::path& file);

// The streaming form: one page in memory at a time, for big multi-page TIFFs and PDFs.
class PageFileReader {
public:
    explicit PageFileReader(const std::filesystem::path& file); // throws BadInput
    ~PageFileReader();
    PageFileReader(const PageFileReader&) = delete;
    PageFileReader& operator=(const PageFileReader&) = delete;

    int pageCount() const;
    PageFileType type() const;
    // The next page, or nullopt after the last one. Throws BadInput naming file and page.
    std::optional<Page> next();

    class Impl;

private:
    std::filesystem::path m_file;
    PageFileType m_type = PageFileType::Unknown;
    std::unique_ptr<Impl> m_impl;
    int m_next = 0;
};

} // namespace scanstation::scanner
