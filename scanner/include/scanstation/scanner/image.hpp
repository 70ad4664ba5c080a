#pragma once
// A page image as every source delivers it and recognition reads it. A plain buffer, in the
// spirit of zxing-cpp's ImageView: no cv::Mat or SANE type crosses this header.
#include <cstdint>
#include <string>
#include <vector>

namespace scanstation::scanner {

enum class PixelFormat { Gray8, Rgb8 };

inline int bytesPerPixel(PixelFormat f) { return f == PixelFormat::Gray8 ? 1 : 3; }

// A non-owning view: rows of `stride` bytes, top row first.
struct ImageView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
    PixelFormat format = PixelFormat::Gray8;
    double dpi = 0; // 0 when the source does not know
};

// An owning image.
class Image {
public:
    Image() = default;
    Image(int width, int height, PixelFormat format, double dpi = 0)
        : m_pixels(static_cast<std::size_t>(width) * height * bytesPerPixel(format)),
          m_width(width), m_height(height), m_format(format), m_dpi(dpi) {}

    ImageView view() const {
        return {m_pixels.data(), m_width, m_height, m_width * bytesPerPixel(m_format), m_format, m_dpi};
    }
    std::uint8_t* data() { return m_pixels.data(); }
    const std::uint8_t* data() const { return m_pixels.data(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    PixelFormat format() const { return m_format; }
    double dpi() const { return m_dpi; }
    void setDpi(double dpi) { m_dpi = dpi; }
    bool empty() const { return m_pixels.empty(); }

private:
    std::vector<std::uint8_t> m_pixels;
    int m_width = 0;
    int m_height = 0;
    PixelFormat m_format = PixelFormat::Gray8;
    double m_dpi = 0;
};

// One acquired page: where it came from and its pixels. The original file bytes, when there
// is a file, are kept by the ingestion step (content-addressed), not here.
struct Page {
    std::string source; // file path, "sane:<device>", "camera:<n>"
    int pageNumber = 1; // 1-based within the source
    Image image;
};

} // namespace scanstation::scanner
