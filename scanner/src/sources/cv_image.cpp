#include "sources/cv_image.hpp"

#include "scanstation/core/error.hpp"

#include <cstring>
#include <opencv2/imgproc.hpp>

namespace scanstation::scanner::detail {

namespace {

cv::Mat to8Bit(const cv::Mat& mat) {
    if (mat.depth() == CV_8U)
        return mat;
    if (mat.depth() != CV_16U)
        throw Error(ErrorKind::BadInput, "unsupported sample type in image (only 8 and 16 bit)");
    cv::Mat out;
    mat.convertTo(out, CV_8U, 1.0 / 257.0);
    return out;
}

} // namespace

Image imageFromMat(const cv::Mat& mat, double dpi) {
    cv::Mat m8 = to8Bit(mat);
    cv::Mat packed;
    PixelFormat format = PixelFormat::Gray8;
    switch (m8.channels()) {
    case 1: packed = m8; break;
    case 3: cv::cvtColor(m8, packed, cv::COLOR_BGR2RGB); format = PixelFormat::Rgb8; break;
    case 4: cv::cvtColor(m8, packed, cv::COLOR_BGRA2RGB); format = PixelFormat::Rgb8; break;
    default: throw Error(ErrorKind::BadInput, "unsupported channel count in image");
    }
    Image image(packed.cols, packed.rows, format, dpi);
    const std::size_t rowBytes = static_cast<std::size_t>(packed.cols) * bytesPerPixel(format);
    for (int y = 0; y < packed.rows; ++y)
        std::memcpy(image.data() + y * rowBytes, packed.ptr(y), rowBytes);
    return image;
}

cv::Mat grayMat(const Image& image) {
    const ImageView v = image.view();
    const int type = v.format == PixelFormat::Gray8 ? CV_8UC1 : CV_8UC3;
    cv::Mat wrapped(v.height, v.width, type, const_cast<std::uint8_t*>(v.data),
                    static_cast<std::size_t>(v.stride));
    cv::Mat gray;
    if (v.format == PixelFormat::Gray8)
        gray = wrapped.clone();
    else
        cv::cvtColor(wrapped, gray, cv::COLOR_RGB2GRAY);
    return gray;
}

} // namespace scanstation::scanner::detail
