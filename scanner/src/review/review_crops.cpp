#include "scanstation/scanner/review_crops.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/png_file.hpp"
#include "scanstation/scanner/recognition_steps.hpp"
#include "sources/cv_image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <limits>
#include <set>

namespace scanstation::scanner {
namespace {

struct Box {
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    void add(double x, double y) {
        left = std::min(left, x), right = std::max(right, x);
        top = std::min(top, y), bottom = std::max(bottom, y);
    }
    bool empty() const { return right < left; }
};

void addBubbles(Box& box, const core::FieldDef& f) {
    for (const auto& o : f.options) {
        box.add(o.centre.x - o.radius, o.centre.y - o.radius);
        box.add(o.centre.x + o.radius, o.centre.y + o.radius);
    }
}

// A row: the printed number and name and every bubble of the row's fields.
Box rowBox(const core::CardTemplate& tpl, int row) {
    Box box;
    for (const auto& f : tpl.fields)
        if (f.row == row)
            addBubbles(box, f);
    if (const auto g = std::find_if(tpl.rows.begin(), tpl.rows.end(), [&](const auto& r) { return r.row == row; });
        g != tpl.rows.end())
        box.add(std::min(g->numberRightX - 8.0, g->nameX), g->centreY);
    return box;
}

core::RectMm regionOf(const Box& box, const core::CardTemplate& tpl, double margin) {
    const double left = std::max(0.0, box.left - margin), top = std::max(0.0, box.top - margin);
    const double right = std::min(tpl.pageWidthMm, box.right + margin);
    const double bottom = std::min(tpl.pageHeightMm, box.bottom + margin);
    return {left, top, right - left, bottom - top};
}

// Output pixel (u, v) shows card point region.x + (u + 0.5) / s: the homography composed with
// that scaling maps crop pixels to page pixels (used as the inverse map of the warp).
Image cut(const cv::Mat& gray, const CardTransform& t, const core::RectMm& region, double s) {
    const cv::Matx33d mmToPx(t.mmToPx.data());
    const cv::Matx33d cropToMm(1 / s, 0, region.x + 0.5 / s, 0, 1 / s, region.y + 0.5 / s, 0, 0, 1);
    const cv::Matx33d cropToPx = mmToPx * cropToMm;
    const cv::Size size(std::max(1, static_cast<int>(region.width * s)), std::max(1, static_cast<int>(region.height * s)));
    cv::Mat out;
    cv::warpPerspective(gray, out, cv::Mat(cropToPx), size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                        cv::BORDER_CONSTANT, cv::Scalar(255));
    return detail::imageFromMat(out, s * 25.4);
}

} // namespace

PageCrops cropFields(const ImageView& page, const core::CardTemplate& tpl, const std::vector<std::string>& fieldIds,
                     const CropOptions& options) {
    PageCrops result;
    const auto marks = findRegistrationMarks(page, tpl.registrationMarks);
    if (!marks.found) {
        result.problem = "no registration marks: " + marks.problem;
        return result;
    }
    const auto transform = estimateTransform(page, marks, tpl.registrationMarks);
    if (!transform.valid) {
        result.problem = "no card transform: " + transform.problem;
        return result;
    }
    Image owned(page.width, page.height, page.format, page.dpi);
    for (int y = 0; y < page.height; ++y)
        std::copy_n(page.data + static_cast<std::size_t>(y) * page.stride, page.width * bytesPerPixel(page.format),
                    owned.data() + static_cast<std::size_t>(y) * page.width * bytesPerPixel(page.format));
    const cv::Mat gray = detail::grayMat(owned);
    std::set<int> rowsDone;
    for (const auto& id : fieldIds) {
        const auto* f = tpl.findField(id);
        if (!f || (f->row && !rowsDone.insert(*f->row).second))
            continue;
        Box box;
        if (f->row)
            box = rowBox(tpl, *f->row);
        else
            addBubbles(box, *f);
        if (box.empty())
            continue;
        const auto region = regionOf(box, tpl, options.marginMm);
        result.crops.push_back({id, f->label, region, cut(gray, transform, region, options.pxPerMm)});
    }
    return result;
}

PageCrops cropStoredPage(const PageImageStore& images, const std::string& pageHash, const core::CardTemplate& tpl,
                         const std::vector<std::string>& fieldIds, const CropOptions& options) {
    const auto page = images.pageImage(pageHash);
    if (!page)
        throw Error(ErrorKind::NotFound, "no stored page " + pageHash);
    return cropFields(page->view(), tpl, fieldIds, options);
}

std::vector<std::filesystem::path> writeCrops(const std::vector<FieldCrop>& crops, const std::filesystem::path& dir,
                                              const std::string& prefix) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot create " + dir.string() + ": " + ec.message());
    std::vector<std::filesystem::path> files;
    for (const auto& c : crops) {
        const auto file = dir / (prefix + c.fieldId + ".png");
        writePng(c.image.view(), file);
        files.push_back(file);
    }
    return files;
}

} // namespace scanstation::scanner
