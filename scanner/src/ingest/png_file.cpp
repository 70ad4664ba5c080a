#include "scanstation/scanner/png_file.hpp"

#include "scanstation/core/error.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

namespace scanstation::scanner {

std::string encodePng(const ImageView& image) {
    if (!image.data || image.width <= 0 || image.height <= 0)
        throw Error(ErrorKind::BadInput, "cannot encode an empty image as PNG");
    const int type = image.format == PixelFormat::Gray8 ? CV_8UC1 : CV_8UC3;
    const cv::Mat mat(image.height, image.width, type, const_cast<std::uint8_t*>(image.data),
                      static_cast<std::size_t>(image.stride));
    cv::Mat bgr = mat;
    if (type == CV_8UC3)
        cv::cvtColor(mat, bgr, cv::COLOR_RGB2BGR);
    std::vector<std::uint8_t> out;
    if (!cv::imencode(".png", bgr, out))
        throw Error(ErrorKind::Infrastructure, "cannot encode the image as PNG");
    return std::string(out.begin(), out.end());
}

void writePng(const ImageView& image, const std::filesystem::path& file) {
    const std::string bytes = encodePng(image);
    auto part = file;
    part += ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            throw Error(ErrorKind::Infrastructure, "cannot write " + part.string());
    }
    std::error_code ec;
    std::filesystem::rename(part, file, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot write " + file.string() + ": " + ec.message());
}

} // namespace scanstation::scanner
