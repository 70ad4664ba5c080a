// readPages / PageFileReader on generated files of every supported type, and on torn,
// corrupt and unknown files, which must be rejected with the file (and page) named.
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace scanstation;
using namespace scanstation::scanner;
using acq_test::TempDir;

namespace {

std::vector<cv::Mat> threeCards(int width = 300, int height = 420) {
    return {acq_test::cardImage(width, height, 1), acq_test::cardImage(width, height, 2),
            acq_test::cardImage(width, height, 3)};
}

void expectBadInputNaming(const std::filesystem::path& file, const std::string& alsoMentions = "") {
    try {
        readPages(file);
        FAIL() << "expected BadInput for " << file;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
        if (!alsoMentions.empty()) {
            EXPECT_NE(std::string(e.what()).find(alsoMentions), std::string::npos) << e.what();
        }
    }
}

} // namespace

TEST(PageReader, MultiPageTiffGivesEveryPageInOrderWithItsDpi) {
    TempDir dir;
    const auto cards = threeCards();
    acq_test::writeMultiPageTiff(dir / "batch.tif", cards, 200);
    const auto pages = readPages(dir / "batch.tif");
    ASSERT_EQ(pages.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(pages[i].pageNumber, i + 1);
        EXPECT_EQ(pages[i].source, (dir / "batch.tif").string());
        EXPECT_DOUBLE_EQ(pages[i].image.dpi(), 200.0);
        EXPECT_EQ(pages[i].image.format(), PixelFormat::Gray8);
        EXPECT_LT(acq_test::meanAbsDiff(acq_test::toGray(pages[i].image), cards[i]), 0.01) << "page " << i + 1;
    }
}

TEST(PageReader, ScannedPdfIsRenderedAtItsImagesResolution) {
    TempDir dir;
    const auto cards = threeCards(300, 420); // 150 dpi: 2 x 2.8 inches
    acq_test::writeScannedPdf(dir / "batch.pdf", cards, 150.0);
    PageFileReader reader(dir / "batch.pdf");
    EXPECT_EQ(reader.type(), PageFileType::Pdf);
    ASSERT_EQ(reader.pageCount(), 3);
    for (int i = 0; i < 3; ++i) {
        auto page = reader.next();
        ASSERT_TRUE(page);
        EXPECT_EQ(page->pageNumber, i + 1);
        EXPECT_DOUBLE_EQ(page->image.dpi(), 150.0);
        EXPECT_NEAR(page->image.width(), 300, 1);
        EXPECT_NEAR(page->image.height(), 420, 1);
        cv::Mat gray = acq_test::toGray(page->image);
        cv::resize(gray, gray, cards[i].size());
        EXPECT_LT(acq_test::meanAbsDiff(gray, cards[i]), 6.0) << "page " << i + 1;
    }
    EXPECT_FALSE(reader.next());
}

TEST(PageReader, PdfWithoutPageImagesIsRenderedAtTheDefaultDpi) {
    TempDir dir;
    acq_test::writeVectorPdf(dir / "form.pdf", 2);
    const auto pages = readPages(dir / "form.pdf");
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_DOUBLE_EQ(pages[0].image.dpi(), kDefaultPdfDpi);
    EXPECT_NEAR(pages[0].image.width(), 420 * kDefaultPdfDpi / 72, 2);
}

TEST(PageReader, PngAndJpegAreSinglePages) {
    TempDir dir;
    const cv::Mat card = acq_test::cardImage(240, 340, 7);
    cv::imwrite((dir / "card.png").string(), card);
    cv::imwrite((dir / "card.jpg").string(), card, {cv::IMWRITE_JPEG_QUALITY, 95});
    const auto png = readPages(dir / "card.png");
    ASSERT_EQ(png.size(), 1u);
    EXPECT_EQ(acq_test::meanAbsDiff(acq_test::toGray(png[0].image), card), 0.0);
    const auto jpg = readPages(dir / "card.jpg");
    ASSERT_EQ(jpg.size(), 1u);
    EXPECT_LT(acq_test::meanAbsDiff(acq_test::toGray(jpg[0].image), card), 4.0);
}

TEST(PageReader, ColourPngKeepsItsColour) {
    TempDir dir;
    cv::Mat bgr(20, 30, CV_8UC3, cv::Scalar(255, 0, 0)); // blue in OpenCV's BGR order
    cv::imwrite((dir / "blue.png").string(), bgr);
    const auto pages = readPages(dir / "blue.png");
    ASSERT_EQ(pages[0].image.format(), PixelFormat::Rgb8);
    const std::uint8_t* px = pages[0].image.data();
    EXPECT_EQ(px[0], 0);
    EXPECT_EQ(px[2], 255);
}

TEST(PageReader, PnmAsScanimageWritesIt) {
    TempDir dir;
    // scanimage writes a comment line and binary data: grey 8-bit, grey 16-bit, lineart, colour.
    acq_test::writeBytes(dir / "g8.pnm", std::string("P5\n# SANE data follows\n3 2\n255\n") + std::string("\x00\x80\xff\x10\x20\x30", 6));
    acq_test::writeBytes(dir / "g16.pnm", std::string("P5\n# SANE data follows\n2 1\n65535\n") + std::string("\xff\x00\x12\x34", 4));
    acq_test::writeBytes(dir / "bw.pbm", std::string("P4\n# SANE data follows\n10 1\n") + std::string("\xA0\x40", 2));
    acq_test::writeBytes(dir / "rgb.ppm", std::string("P6\n1 1\n255\n") + std::string("\x01\x02\x03", 3));

    const Image g8 = readPages(dir / "g8.pnm")[0].image;
    ASSERT_EQ(g8.width(), 3);
    ASSERT_EQ(g8.height(), 2);
    EXPECT_EQ(g8.data()[1], 0x80);
    EXPECT_EQ(g8.data()[5], 0x30);
    const Image g16 = readPages(dir / "g16.pnm")[0].image;
    EXPECT_EQ(g16.data()[0], 0xff);
    EXPECT_EQ(g16.data()[1], 0x12);
    const Image bw = readPages(dir / "bw.pbm")[0].image;
    ASSERT_EQ(bw.width(), 10);
    const std::vector<int> expected{0, 255, 0, 255, 255, 255, 255, 255, 255, 0}; // set bit = black
    for (int x = 0; x < 10; ++x)
        EXPECT_EQ(bw.data()[x], expected[x]) << "pixel " << x;
    const Image rgb = readPages(dir / "rgb.ppm")[0].image;
    EXPECT_EQ(rgb.format(), PixelFormat::Rgb8);
    EXPECT_EQ(rgb.data()[2], 3);
}

TEST(PageReader, TornFilesAreRejectedNamingTheFile) {
    TempDir dir;
    const cv::Mat card = acq_test::cardImage(400, 560, 3);
    cv::imwrite((dir / "whole.png").string(), card);
    cv::imwrite((dir / "whole.jpg").string(), card);
    acq_test::writeMultiPageTiff(dir / "whole.tif", threeCards(), 200);
    acq_test::writeScannedPdf(dir / "whole.pdf", threeCards(), 150);
    acq_test::writeBytes(dir / "whole.pgm", std::string("P5\n4 4\n255\n") + std::string(16, '\x7f'));
    for (const char* name : {"png", "jpg", "tif", "pdf", "pgm"}) {
        const auto torn = dir / (std::string("torn.") + name);
        acq_test::writeTorn(dir / (std::string("whole.") + name), torn, 0.6);
        SCOPED_TRACE(torn.string());
        expectBadInputNaming(torn);
    }
}

TEST(PageReader, UnknownAndEmptyFilesAreRejected) {
    TempDir dir;
    acq_test::writeBytes(dir / "notes.png", "this is not an image");
    acq_test::writeBytes(dir / "empty.tif", "");
    expectBadInputNaming(dir / "notes.png", "not a PNG, JPEG, TIFF, PDF or PNM");
    expectBadInputNaming(dir / "empty.tif");
    expectBadInputNaming(dir / "missing.png", "no such file");
}

TEST(PageReader, TypeIsDecidedByContentNotExtension) {
    TempDir dir;
    cv::imwrite((dir / "card.png").string(), acq_test::cardImage(100, 140, 1));
    std::filesystem::rename(dir / "card.png", dir / "card.jpg");
    EXPECT_EQ(detectPageFileType(dir / "card.jpg"), PageFileType::Png);
    EXPECT_EQ(readPages(dir / "card.jpg").size(), 1u);
    EXPECT_TRUE(hasPageFileExtension("A.TIFF"));
    EXPECT_FALSE(hasPageFileExtension("notes.txt"));
}
