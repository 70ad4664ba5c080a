// PageFileReader: one decoder per file type behind a small interface. Every OpenCV or poppler
// failure becomes scanstation::Error(BadInput) naming the file and page, here at the edge.
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/cv_image.hpp"
#include "sources/file_bytes.hpp"
#include "sources/image_dpi.hpp"
#include "sources/jpeg_frame.hpp"
#include "sources/pdf_pages.hpp"
#include "sources/png_decoder.hpp"
#include "sources/pnm_reader.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace scanstation::scanner {

using detail::placeOf;

class PageFileReader::Impl {
public:
    virtual ~Impl() = default;
    virtual int count() const = 0;
    virtual Image decode(int index) = 0; // 0-based
};

namespace {

constexpr int kCvFlags = cv::IMREAD_ANYCOLOR | cv::IMREAD_ANYDEPTH;

// JPEG decoders fill a torn file's missing rows with grey and only warn; the end-of-image
// marker (FF D9, possibly followed by padding) tells a whole file from a torn one.
bool jpegIsComplete(std::string_view b) {
    std::size_t end = b.size();
    while (end > 0 && (b[end - 1] == '\0' || b[end - 1] == '\n' || b[end - 1] == '\r'))
        --end;
    return end >= 4 && std::uint8_t(b[end - 2]) == 0xFF && std::uint8_t(b[end - 1]) == 0xD9;
}

constexpr double kMaxInPlacePixels = 1 << 27;
constexpr double kMaxPixelsPerJpegByte = 4096;

// A grey 8-bit JPEG (what scanners write in grey mode) decoded by OpenCV straight into the
// page's Image: imdecode fills a destination of the right size and type in place, which saves
// a full-page copy and allocation. Nothing for any other JPEG, or when OpenCV would not decode
// in place (then the caller decodes as usual and reports any error).
std::optional<Image> decodeGreyJpegInPlace(const cv::Mat& raw, const std::optional<detail::JpegFrame>& frame,
                                           double dpi) {
    if (!frame || frame->components != 1 || frame->precision != 8)
        return std::nullopt;
    // The page is allocated before OpenCV has checked anything: a header declaring more pixels
    // than a real scan (A3 at 600 dpi is 70 M) or than its bytes could hold (a blank page still
    // takes ~1 byte per 200 pixels) is left to OpenCV, which refuses it without allocating.
    const double pixels = double(frame->width) * frame->height;
    if (pixels > kMaxInPlacePixels || pixels > kMaxPixelsPerJpegByte * double(raw.total()))
        return std::nullopt;
    Image image(frame->width, frame->height, PixelFormat::Gray8, dpi);
    cv::Mat target(frame->height, frame->width, CV_8UC1, image.data());
    cv::imdecode(raw, kCvFlags, &target);
    if (target.data != image.data() || target.rows != frame->height || target.cols != frame->width)
        return std::nullopt;
    return image;
}

class SingleImage : public PageFileReader::Impl {
public:
    SingleImage(std::filesystem::path file, PageFileType type) : m_file(std::move(file)), m_type(type) {}
    int count() const override { return 1; }
    Image decode(int) override {
        const std::string bytes = detail::readFileBytes(m_file);
        if (m_type == PageFileType::Jpeg && !jpegIsComplete(bytes))
            throw Error(ErrorKind::BadInput, placeOf(m_file) + ": JPEG ends before its end-of-image marker (torn file?)");
        if (m_type == PageFileType::Pnm && detail::isBinaryPnm(bytes)) {
            try {
                return detail::decodeBinaryPnm(bytes);
            } catch (const Error& e) {
                throw Error(ErrorKind::BadInput, placeOf(m_file) + ": " + e.what());
            }
        }
        const double dpi = m_type == PageFileType::Png ? detail::pngDpi(bytes)
                         : m_type == PageFileType::Jpeg ? detail::jpegDpi(bytes) : 0.0;
        if (m_type == PageFileType::Png)
            if (auto image = detail::decodePlainPng(bytes, dpi))
                return std::move(*image);
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
        if (m_type == PageFileType::Jpeg)
            if (auto image = decodeGreyJpegInPlace(raw, detail::jpegFrame(bytes), dpi))
                return std::move(*image);
        const cv::Mat mat = cv::imdecode(raw, kCvFlags);
        if (mat.empty())
            throw Error(ErrorKind::BadInput, placeOf(m_file) + ": image data cannot be decoded (corrupt or torn file)");
        return detail::imageFromMat(mat, dpi);
    }

private:
    std::filesystem::path m_file;
    PageFileType m_type;
};

class TiffPages : public PageFileReader::Impl {
public:
    explicit TiffPages(std::filesystem::path file) : m_file(std::move(file)) {
        if (const std::string torn = detail::tiffTornReason(m_file); !torn.empty())
            throw Error(ErrorKind::BadInput, placeOf(m_file) + ": TIFF is damaged: " + torn);
        m_count = static_cast<int>(cv::imcount(m_file.string(), kCvFlags));
        m_dpis = detail::tiffDpis(m_file);
        if (m_count <= 0)
            throw Error(ErrorKind::BadInput, placeOf(m_file) + ": TIFF has no readable page");
    }
    int count() const override { return m_count; }
    Image decode(int index) override {
        std::vector<cv::Mat> mats;
        if (!cv::imreadmulti(m_file.string(), mats, index, 1, kCvFlags) || mats.empty() || mats[0].empty())
            throw Error(ErrorKind::BadInput, placeOf(m_file, index + 1) + ": TIFF page cannot be decoded (corrupt or torn file)");
        const double dpi = index < static_cast<int>(m_dpis.size()) ? m_dpis[index] : 0.0;
        return detail::imageFromMat(mats[0], dpi);
    }

private:
    std::filesystem::path m_file;
    int m_count = 0;
    std::vector<double> m_dpis;
};

class PdfImpl : public PageFileReader::Impl {
public:
    explicit PdfImpl(const std::filesystem::path& file) : m_pages(file) {}
    int count() const override { return m_pages.count(); }
    Image decode(int index) override { return m_pages.render(index); }

private:
    detail::PdfPages m_pages;
};

std::unique_ptr<PageFileReader::Impl> openDecoder(const std::filesystem::path& file, PageFileType type) {
    switch (type) {
    case PageFileType::Png:
    case PageFileType::Jpeg:
    case PageFileType::Pnm: return std::make_unique<SingleImage>(file, type);
    case PageFileType::Tiff: return std::make_unique<TiffPages>(file);
    case PageFileType::Pdf: return std::make_unique<PdfImpl>(file);
    case PageFileType::Unknown: break;
    }
    throw Error(ErrorKind::BadInput, placeOf(file) + ": not a PNG, JPEG, TIFF, PDF or PNM file");
}

} // namespace


PageFileReader::PageFileReader(const std::filesystem::path& file) : m_file(file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw Error(ErrorKind::BadInput, placeOf(file) + ": no such file");
    m_type = detectPageFileType(file);
    try {
        m_impl = openDecoder(file, m_type);
    } catch (const cv::Exception& e) {
        throw Error(ErrorKind::BadInput, placeOf(file) + ": cannot be read (" + e.err + ")");
    }
}

PageFileReader::~PageFileReader() = default;

int PageFileReader::pageCount() const { return m_impl->count(); }

PageFileType PageFileReader::type() const { return m_type; }

std::optional<Page> PageFileReader::next() {
    if (m_next >= m_impl->count())
        return std::nullopt;
    const int index = m_next++;
    Page page;
    page.source = m_file.string();
    page.pageNumber = index + 1;
    try {
        page.image = m_impl->decode(index);
    } catch (const cv::Exception& e) {
        throw Error(ErrorKind::BadInput, placeOf(m_file, index + 1) + ": cannot be decoded (" + e.err + ")");
    }
    return page;
}

std::vector<Page> readPages(const std::filesystem::path& file) {
    PageFileReader reader(file);
    std::vector<Page> pages;
    while (auto page = reader.next())
        pages.push_back(std::move(*page));
    return pages;
}

} // namespace scanstation::scanner
