#pragma once
// Generated inputs for the acquisition tests: card-like page images, multi-page TIFF and PDF
// files (the PDF embeds each page as an image at a known dpi, as a scanner's PDF does), torn
// copies of files, and a private temporary folder per test.
#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace acq_test {

// A fresh empty folder under the system temp dir, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// A grey card-like page (white paper, black corner marks, rows of bubbles); `seed` varies
// which bubbles are filled, so pages differ.
cv::Mat cardImage(int width, int height, int seed);

void writeMultiPageTiff(const std::filesystem::path& file, const std::vector<cv::Mat>& pages, int dpi);
// Each page is an image drawn at `dpi` to cover the whole PDF page.
void writeScannedPdf(const std::filesystem::path& file, const std::vector<cv::Mat>& pages, double dpi);
// A PDF with only vector drawing (no images): rendered at the default dpi.
void writeVectorPdf(const std::filesystem::path& file, int pages);

// Copies the first `fraction` of `from` to `to` (a file caught mid-copy).
void writeTorn(const std::filesystem::path& from, const std::filesystem::path& to, double fraction);
void writeBytes(const std::filesystem::path& file, const std::string& bytes);
std::string readBytes(const std::filesystem::path& file);

// Mean absolute difference of two same-sized grey images (0..255).
double meanAbsDiff(const cv::Mat& a, const cv::Mat& b);

} // namespace acq_test

#include "scanstation/scanner/image.hpp"
namespace acq_test {
// A grey copy of a page image, for comparing pixels with what was written.
cv::Mat toGray(const scanstation::scanner::Image& image);
} // namespace acq_test
