#include "scanstation/scanner/card_filler.hpp"

#include "filler/pen_strokes.hpp"
#include "filler/scan_effects.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/templates/issued_card.hpp"
#include "sources/cv_image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>

namespace scanstation::scanner {
namespace {

std::string rowField(int row, const char* what) {
    char id[32];
    std::snprintf(id, sizeof id, "row.%02d.%s", row, what);
    return id;
}

const core::BubbleOption& optionOf(const core::CardTemplate& tpl, const PenMark& mark) {
    const auto field = std::find_if(tpl.fields.begin(), tpl.fields.end(), [&](const auto& f) { return f.id == mark.fieldId; });
    if (field == tpl.fields.end())
        throw Error(ErrorKind::BadInput, "template " + tpl.id + " has no field \"" + mark.fieldId + "\"");
    const auto option = std::find_if(field->options.begin(), field->options.end(),
                                     [&](const auto& o) { return o.value == mark.value; });
    if (option == field->options.end())
        throw Error(ErrorKind::BadInput, "field " + mark.fieldId + " of " + tpl.id + " has no option \"" + mark.value + "\"");
    return *option;
}

} // namespace

PenMark attendanceMark(int row, const std::string& code, PenStroke stroke) {
    return {rowField(row, "attendance"), code, stroke};
}

std::vector<PenMark> gradeMarks(int row, const std::string& grade, PenStroke stroke) {
    std::vector<PenMark> marks;
    std::string value = grade;
    if (!value.empty() && (value.back() == '+' || value.back() == '-') && value.size() > 1) {
        marks.push_back({rowField(row, "modifier"), value.substr(value.size() - 1), stroke});
        value.pop_back();
    }
    marks.insert(marks.begin(), PenMark{rowField(row, "grade"), value, stroke});
    return marks;
}

std::vector<PenMark> topicMarks(int topicNumber) {
    if (topicNumber < 0 || topicNumber > 999)
        throw Error(ErrorKind::BadInput, "topic number " + std::to_string(topicNumber) + " is outside 0..999");
    const std::string digits = std::to_string(1000 + topicNumber).substr(1);
    return {{"header.topic.d1", digits.substr(0, 1)}, {"header.topic.d2", digits.substr(1, 1)},
            {"header.topic.d3", digits.substr(2, 1)}};
}

CardFiller::CardFiller(std::vector<core::CardTemplate> templates) : m_templates(std::move(templates)) {
    if (m_templates.empty())
        throw Error(ErrorKind::BadInput, "the card filler needs at least one template");
}

const core::CardTemplate& CardFiller::templateById(const std::string& id) const {
    for (const auto& t : m_templates)
        if (t.id == id)
            return t;
    throw Error(ErrorKind::NotFound, "no card template \"" + id + "\"");
}

Image CardFiller::fill(const std::string& templateId, const templates::CardContent& content,
                       const std::vector<PenMark>& marks, const FillOptions& options) const {
    const auto& tpl = templateById(templateId);
    for (const auto& m : marks)
        optionOf(tpl, m); // every mark names a real bubble before anything is drawn
    const templates::Raster raster = templates::renderRaster(tpl, content, options.dpi);
    cv::Mat card = cv::Mat(raster.height, raster.width, CV_8UC1, const_cast<std::uint8_t*>(raster.gray.data()),
                           static_cast<std::size_t>(raster.stride))
                       .clone();
    std::mt19937_64 rng(options.seed);
    detail::PenStrokes pen(card, options.dpi / 25.4, rng);
    for (const auto& m : marks) {
        const auto& option = optionOf(tpl, m);
        pen.draw(option.centre, option.radius, m.stroke);
    }
    if (options.fault == PageFault::StainedCode)
        pen.stain(tpl.identityCodeRegion);
    cv::Mat scanned = detail::throughScanner(card, options, rng);
    return detail::imageFromMat(scanned, options.dpi);
}

Image CardFiller::fillIssued(core::Store& store, const core::StationKey& key, const std::string& serial,
                             const std::vector<PenMark>& marks, const FillOptions& options) const {
    const auto card = core::CardRegistry(store).find(serial);
    if (!card)
        throw Error(ErrorKind::NotFound, "no card with serial " + serial);
    const auto& tpl = templateById(card->templateId);
    return fill(tpl.id, templates::issuedCardContent(store, key, tpl, serial), marks, options);
}

} // namespace scanstation::scanner
