#include "fixtures.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>

namespace acq_test {

TempDir::TempDir() {
    static std::mt19937_64 rng(std::random_device{}());
    m_path = std::filesystem::temp_directory_path() / ("scanstation-acq-" + std::to_string(rng()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

cv::Mat cardImage(int width, int height, int seed) {
    cv::Mat card(height, width, CV_8UC1, cv::Scalar(255));
    const int mark = std::max(4, width / 20);
    for (auto [x, y] : {std::pair{0, 0}, {width - mark, 0}, {0, height - mark}, {width - mark, height - mark}})
        cv::rectangle(card, cv::Rect(x, y, mark, mark), cv::Scalar(0), cv::FILLED);
    std::mt19937 rng(static_cast<unsigned>(seed));
    const int r = std::max(3, width / 40);
    for (int row = 0; row < 6; ++row)
        for (int col = 0; col < 5; ++col) {
            const cv::Point c(width / 4 + col * 3 * r, height / 4 + row * 3 * r);
            cv::circle(card, c, r, cv::Scalar(0), 1);
            if (rng() % 3 == 0)
                cv::circle(card, c, r - 1, cv::Scalar(30), cv::FILLED);
        }
    cv::putText(card, std::to_string(seed), {mark + 4, height - mark - 4}, cv::FONT_HERSHEY_SIMPLEX,
                width / 300.0 + 0.3, cv::Scalar(0), 2);
    return card;
}

void writeMultiPageTiff(const std::filesystem::path& file, const std::vector<cv::Mat>& pages, int dpi) {
    const std::vector<int> params{cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, dpi, cv::IMWRITE_TIFF_YDPI, dpi};
    if (!cv::imwritemulti(file.string(), pages, params))
        throw std::runtime_error("cannot write " + file.string());
}

void writeScannedPdf(const std::filesystem::path& file, const std::vector<cv::Mat>& pages, double dpi) {
    cairo_surface_t* pdf = cairo_pdf_surface_create(file.string().c_str(), 100, 100);
    cairo_t* cr = cairo_create(pdf);
    for (const cv::Mat& page : pages) {
        cairo_pdf_surface_set_size(pdf, page.cols * 72.0 / dpi, page.rows * 72.0 / dpi);
        cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, page.cols, page.rows);
        cairo_surface_flush(img);
        unsigned char* data = cairo_image_surface_get_data(img);
        const int stride = cairo_image_surface_get_stride(img);
        for (int y = 0; y < page.rows; ++y)
            for (int x = 0; x < page.cols; ++x) {
                const std::uint8_t v = page.at<std::uint8_t>(y, x);
                auto* px = reinterpret_cast<std::uint32_t*>(data + y * stride) + x;
                *px = 0xff000000u | (std::uint32_t(v) << 16) | (std::uint32_t(v) << 8) | v;
            }
        cairo_surface_mark_dirty(img);
        cairo_save(cr);
        cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_show_page(cr);
        cairo_surface_destroy(img);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    cairo_surface_destroy(pdf);
}

void writeVectorPdf(const std::filesystem::path& file, int pages) {
    // A5 in points
    cairo_surface_t* pdf = cairo_pdf_surface_create(file.string().c_str(), 420, 595);
    cairo_t* cr = cairo_create(pdf);
    for (int i = 0; i < pages; ++i) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_rectangle(cr, 20, 20, 30 + 10 * i, 30);
        cairo_fill(cr);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    cairo_surface_destroy(pdf);
}

void writeTorn(const std::filesystem::path& from, const std::filesystem::path& to, double fraction) {
    const std::string bytes = readBytes(from);
    writeBytes(to, bytes.substr(0, static_cast<std::size_t>(static_cast<double>(bytes.size()) * fraction)));
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double meanAbsDiff(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat d;
    cv::absdiff(a, b, d);
    return cv::mean(d)[0];
}

} // namespace acq_test

namespace acq_test {
cv::Mat toGray(const scanstation::scanner::Image& image) {
    const auto v = image.view();
    const bool gray = v.format == scanstation::scanner::PixelFormat::Gray8;
    cv::Mat wrapped(v.height, v.width, gray ? CV_8UC1 : CV_8UC3, const_cast<std::uint8_t*>(v.data),
                    static_cast<std::size_t>(v.stride));
    cv::Mat out;
    if (gray)
        out = wrapped.clone();
    else
        cv::cvtColor(wrapped, out, cv::COLOR_RGB2GRAY);
    return out;
}
} // namespace acq_test
