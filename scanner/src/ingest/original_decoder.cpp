#include "ingest/original_decoder.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/cv_image.hpp"
#include "sources/image_dpi.hpp"

#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace scanstation::scanner::detail {
namespace {

bool isMultiPage(const std::string& extension) {
    return extension == ".tif" || extension == ".tiff" || extension == ".pdf";
}

// Writes the bytes to a fresh 0600 file in the temporary folder; removed by the guard.
struct TempFile {
    std::filesystem::path path;
    TempFile(const std::string& bytes, const std::string& extension) {
        std::string name = (std::filesystem::temp_directory_path() / "scanstation-page-XXXXXX").string() + extension;
        const int fd = ::mkstemps(name.data(), static_cast<int>(extension.size()));
        if (fd < 0)
            throw Error(ErrorKind::Infrastructure, "cannot create a temporary file to decode a page");
        path = name;
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) {
                ::close(fd);
                throw Error(ErrorKind::Infrastructure, "cannot write " + name);
            }
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};

} // namespace

Image decodeOriginal(const std::string& bytes, const std::string& extension, int page, const std::string& what) {
    if (isMultiPage(extension)) {
        const TempFile file(bytes, extension);
        PageFileReader reader(file.path);
        for (int n = 1;; ++n) {
            auto next = reader.next();
            if (!next)
                throw Error(ErrorKind::BadInput, "the original of page " + what + " has no page " + std::to_string(page));
            if (n == page)
                return std::move(next->image);
        }
    }
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    const cv::Mat decoded = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    if (decoded.empty())
        throw Error(ErrorKind::BadInput, "the original of page " + what + " (" + extension + ") does not decode");
    const double dpi = extension == ".png" ? pngDpi(bytes) : (extension == ".jpg" || extension == ".jpeg") ? jpegDpi(bytes) : 0;
    return imageFromMat(decoded, dpi);
}

} // namespace scanstation::scanner::detail
