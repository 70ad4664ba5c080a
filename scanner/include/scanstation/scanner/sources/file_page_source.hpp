#pragma once
// Pages from files: one file, a list of files, or every page file in a folder (sorted by name,
// not recursive). Multi-page TIFFs and PDFs are streamed one page at a time. A file that cannot
// be read is a BadPage fault naming it; the next call moves on to the following file.
#include "scanstation/scanner/sources/page_reader.hpp"
#include "scanstation/scanner/sources/page_source.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

namespace scanstation::scanner {

class FilePageSource : public PageSource {
public:
    explicit FilePageSource(std::vector<std::filesystem::path> files);
    // Every file in `folder` with a page extension (see hasPageFileExtension), by name.
    static std::unique_ptr<FilePageSource> fromFolder(const std::filesystem::path& folder);

    std::string describe() const override;
    SourceEvent next() override;
    void cancel() override { m_cancelled = true; }

private:
    std::vector<std::filesystem::path> m_files;
    std::size_t m_nextFile = 0;
    std::unique_ptr<PageFileReader> m_reader;
    std::atomic<bool> m_cancelled{false};
    std::string m_description;
};

} // namespace scanstation::scanner
