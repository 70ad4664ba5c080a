#include "ingest/page_original.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/file_bytes.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cctype>
#include <filesystem>

namespace scanstation::scanner::detail {

namespace {

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext.empty() ? ".bin" : ext;
}

std::string pngOf(const Image& image) {
    const int type = image.format() == PixelFormat::Gray8 ? CV_8UC1 : CV_8UC3;
    const cv::Mat mat(image.height(), image.width(), type, const_cast<std::uint8_t*>(image.data()));
    std::vector<std::uint8_t> out;
    cv::Mat bgr = mat;
    if (type == CV_8UC3)
        cv::cvtColor(mat, bgr, cv::COLOR_RGB2BGR);
    if (!cv::imencode(".png", bgr, out))
        throw Error(ErrorKind::Infrastructure, "cannot encode the scanned page as PNG");
    return std::string(out.begin(), out.end());
}

} // namespace

PageOriginal originalOf(std::string bytes, const std::string& extension, int pageInFile, bool multiPage) {
    PageOriginal o;
    o.bytes = std::move(bytes);
    o.extension = extension;
    o.fileHash = PageImageStore::hashOf(o.bytes);
    o.pageInFile = pageInFile;
    o.pageHash = multiPage ? PageImageStore::hashOf(o.fileHash + "#" + std::to_string(pageInFile)) : o.fileHash;
    return o;
}

PageOriginal originalOf(const Page& page) {
    const std::filesystem::path file(page.source);
    std::error_code ec;
    if (!page.source.empty() && std::filesystem::is_regular_file(file, ec)) {
        const auto type = detectPageFileType(file);
        const bool multiPage = type == PageFileType::Tiff || type == PageFileType::Pdf;
        if (!multiPage)
            return originalOf(readFileBytes(file), lowerExtension(file), page.pageNumber, false);
        // The pages of one multi-page file arrive one after another: read and hash it once.
        thread_local PageOriginal last;
        thread_local std::string lastPath;
        thread_local std::filesystem::file_time_type lastTime;
        const auto time = std::filesystem::last_write_time(file, ec);
        if (lastPath != file.string() || lastTime != time) {
            last = originalOf(readFileBytes(file), lowerExtension(file), 1, true);
            lastPath = file.string();
            lastTime = time;
        }
        PageOriginal o = last;
        o.pageInFile = page.pageNumber;
        o.pageHash = PageImageStore::hashOf(o.fileHash + "#" + std::to_string(page.pageNumber));
        return o;
    }
    return originalOf(pngOf(page.image), ".png", 1, false);
}

} // namespace scanstation::scanner::detail
