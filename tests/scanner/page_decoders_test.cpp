// Page files through scanner::readPages: the direct decoder for plain 8-bit PNGs
// (scanner/src/sources/png_decoder.hpp) must give exactly libpng's pixels, for every row
// filter, and leave every other or damaged file to OpenCV with the same outcome as before; a
// grey JPEG decoded in place must be OpenCV's decoding, EXIF orientation included.
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace scanstation;
namespace fs = std::filesystem;

namespace {

void putBe32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xFF);
}

void putChunk(std::string& out, const std::string& type, const std::string& data) {
    putBe32(out, static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    out += body;
    putBe32(out, static_cast<std::uint32_t>(
                     crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// A PNG of `image` (CV_8UC1 or CV_8UC3 in RGB order) whose row y uses filter y % 5, so every
// filter type and the first row's special case are in the file. `idatChunks` splits the data.
std::string encodePng(const cv::Mat& image, int idatChunks = 3) {
    const int bpp = image.channels();
    const std::size_t rowBytes = static_cast<std::size_t>(image.cols) * bpp;
    std::string raw;
    for (int y = 0; y < image.rows; ++y) {
        const int filter = y % 5;
        raw += static_cast<char>(filter);
        const std::uint8_t* row = image.ptr<std::uint8_t>(y);
        const std::uint8_t* up = y > 0 ? image.ptr<std::uint8_t>(y - 1) : nullptr;
        for (std::size_t i = 0; i < rowBytes; ++i) {
            const int a = i >= static_cast<std::size_t>(bpp) ? row[i - bpp] : 0, b = up ? up[i] : 0;
            const int c = up && i >= static_cast<std::size_t>(bpp) ? up[i - bpp] : 0;
            const int predictor = filter == 0 ? 0 : filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2
                                                                                                   : paeth(a, b, c);
            raw += static_cast<char>((row[i] - predictor) & 0xFF);
        }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string packed(size, '\0');
    EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                        static_cast<uLong>(raw.size()), 6),
              Z_OK);
    packed.resize(size);
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    putBe32(header, static_cast<std::uint32_t>(image.cols));
    putBe32(header, static_cast<std::uint32_t>(image.rows));
    header += std::string{'\x08', bpp == 1 ? '\x00' : '\x02', '\0', '\0', '\0'};
    putChunk(png, "IHDR", header);
    putChunk(png, "tEXt", std::string("Software") + '\0' + "png_pages_test");
    const std::size_t part = packed.size() / static_cast<std::size_t>(idatChunks) + 1;
    for (std::size_t at = 0; at < packed.size(); at += part)
        putChunk(png, "IDAT", packed.substr(at, part));
    putChunk(png, "IEND", "");
    return png;
}

cv::Mat noisyPage(int width, int height, int type) {
    cv::Mat m(height, width, type);
    cv::randu(m, 0, 256);
    cv::rectangle(m, {width / 4, height / 4}, {width / 2, height / 2}, cv::Scalar::all(20), cv::FILLED);
    return m;
}

class PageDecoders : public ::testing::Test {
protected:
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path file = m_dir / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("scanstation-png-pages-" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path m_dir;
};

// The pixels of the single page readPages gives, as a cv::Mat in the file's channel order.
cv::Mat readOnePage(const fs::path& file) {
    const auto pages = scanner::readPages(file);
    EXPECT_EQ(pages.size(), 1u);
    const auto v = pages.at(0).image.view();
    const cv::Mat wrapped(v.height, v.width, v.format == scanner::PixelFormat::Gray8 ? CV_8UC1 : CV_8UC3,
                          const_cast<std::uint8_t*>(v.data), static_cast<std::size_t>(v.stride));
    return wrapped.clone();
}

bool samePixels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

} // namespace

TEST_F(PageDecoders, GreyWithEveryRowFilterMatchesLibpng) {
    const cv::Mat image = noisyPage(301, 97, CV_8UC1);
    const fs::path file = write("grey.png", encodePng(image));
    const cv::Mat libpng = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
    ASSERT_TRUE(samePixels(libpng, image)); // the test's own encoder is right
    EXPECT_TRUE(samePixels(readOnePage(file), image));
}

TEST_F(PageDecoders, RgbWithEveryRowFilterMatchesLibpng) {
    const cv::Mat rgb = noisyPage(123, 61, CV_8UC3);
    const fs::path file = write("rgb.png", encodePng(rgb, 1));
    cv::Mat libpngRgb;
    cv::cvtColor(cv::imread(file.string(), cv::IMREAD_UNCHANGED), libpngRgb, cv::COLOR_BGR2RGB);
    ASSERT_TRUE(samePixels(libpngRgb, rgb));
    EXPECT_TRUE(samePixels(readOnePage(file), rgb));
}

TEST_F(PageDecoders, OpenCvWrittenPagesKeepTheirPixelsAndResolution) {
    const cv::Mat grey = noisyPage(640, 480, CV_8UC1);
    const fs::path file = m_dir / "written.png";
    ASSERT_TRUE(cv::imwrite(file.string(), grey));
    EXPECT_TRUE(samePixels(readOnePage(file), grey));
    // A 16-bit page is not the direct decoder's: OpenCV still reads it, scaled to 8 bits.
    cv::Mat deep;
    grey.convertTo(deep, CV_16U, 257);
    const fs::path deepFile = m_dir / "deep.png";
    ASSERT_TRUE(cv::imwrite(deepFile.string(), deep));
    EXPECT_TRUE(samePixels(readOnePage(deepFile), grey));
}

TEST_F(PageDecoders, DamagedImageDataIsAnErrorNotAPage) {
    const std::string good = encodePng(noisyPage(200, 150, CV_8UC1));
    const auto idat = good.find("IDAT");
    ASSERT_NE(idat, std::string::npos);
    std::string flipped = good;
    flipped[idat + 40] = static_cast<char>(flipped[idat + 40] ^ 0x5A); // CRC and inflate both break
    EXPECT_THROW(scanner::readPages(write("flipped.png", flipped)), Error);
    const std::string torn = good.substr(0, good.size() / 2);
    EXPECT_THROW(scanner::readPages(write("torn.png", torn)), Error);
}

TEST_F(PageDecoders, GreyAndColourJpegsAreOpenCvsDecoding) {
    const cv::Mat grey = noisyPage(333, 211, CV_8UC1);
    const fs::path greyFile = m_dir / "grey.jpg";
    ASSERT_TRUE(cv::imwrite(greyFile.string(), grey, {cv::IMWRITE_JPEG_QUALITY, 80}));
    EXPECT_TRUE(samePixels(readOnePage(greyFile), cv::imread(greyFile.string(), cv::IMREAD_UNCHANGED)));
    const cv::Mat colour = noisyPage(120, 90, CV_8UC3);
    const fs::path colourFile = m_dir / "colour.jpg";
    ASSERT_TRUE(cv::imwrite(colourFile.string(), colour));
    cv::Mat rgb;
    cv::cvtColor(cv::imread(colourFile.string(), cv::IMREAD_COLOR), rgb, cv::COLOR_BGR2RGB);
    EXPECT_TRUE(samePixels(readOnePage(colourFile), rgb));
}

TEST_F(PageDecoders, DamagedGreyJpegIsAnErrorNotAPage) {
    const cv::Mat grey = noisyPage(200, 120, CV_8UC1);
    std::vector<std::uint8_t> bytes;
    ASSERT_TRUE(cv::imencode(".jpg", grey, bytes));
    std::string b(bytes.begin(), bytes.end());
    const auto sof = b.find("\xFF\xC0");
    ASSERT_NE(sof, std::string::npos);
    b[sof + 9] = '\x05'; // five components declared in a grey frame
    EXPECT_THROW(scanner::readPages(write("bad-frame.jpg", b)), Error);
    // A small file declaring a 65535 x 65535 grey frame: refused, not a 4 GB page allocated.
    std::string huge(bytes.begin(), bytes.end());
    huge[sof + 5] = huge[sof + 6] = huge[sof + 7] = huge[sof + 8] = '\xFF';
    EXPECT_THROW(scanner::readPages(write("huge-frame.jpg", huge)), Error);
}
