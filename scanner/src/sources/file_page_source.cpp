#include "scanstation/scanner/sources/file_page_source.hpp"

#include "scanstation/core/error.hpp"

#include <algorithm>

namespace scanstation::scanner {

FilePageSource::FilePageSource(std::vector<std::filesystem::path> files) : m_files(std::move(files)) {
    m_description = m_files.size() == 1 ? "file:" + m_files.front().string()
                                        : "files (" + std::to_string(m_files.size()) + ")";
}

std::unique_ptr<FilePageSource> FilePageSource::fromFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(ErrorKind::BadInput, folder.string() + ": not a folder");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file() && hasPageFileExtension(entry.path()))
            files.push_back(entry.path());
    if (ec)
        throw Error(ErrorKind::Infrastructure, folder.string() + ": cannot list folder: " + ec.message());
    std::sort(files.begin(), files.end());
    auto source = std::make_unique<FilePageSource>(std::move(files));
    source->m_description = "folder:" + folder.string();
    return source;
}

std::string FilePageSource::describe() const { return m_description; }

SourceEvent FilePageSource::next() {
    while (true) {
        if (m_cancelled)
            return SourceEvent::ofEnd(BatchEnd::Cancelled, "cancelled by the operator");
        if (!m_reader) {
            if (m_nextFile >= m_files.size())
                return SourceEvent::ofEnd(BatchEnd::Exhausted, "all files read");
            const std::filesystem::path file = m_files[m_nextFile++];
            try {
                m_reader = std::make_unique<PageFileReader>(file);
            } catch (const Error& e) {
                return SourceEvent::ofFault(FaultKind::BadPage, e.what());
            }
        }
        try {
            if (auto page = m_reader->next())
                return SourceEvent::ofPage(std::move(*page));
            m_reader.reset();
        } catch (const Error& e) {
            // A torn page usually means the rest of the file is unreadable too: skip the file.
            m_reader.reset();
            return SourceEvent::ofFault(FaultKind::BadPage, e.what());
        }
    }
}

} // namespace scanstation::scanner
