#include "card_fixture.hpp"

#include "corpus_scoring.hpp"
#include "scanstation/core/card_identity.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/templates/card_renderer.hpp"
#include "scanstation/templates/template_loader.hpp"

namespace scanstation::testing {

const std::vector<core::CardTemplate>& shippedTemplates() {
    static const auto templates = templates::loadTemplateDir(templates::shippedTemplateDir());
    return templates;
}

const core::CardTemplate& attendanceTemplate() {
    for (const auto& t : shippedTemplates())
        if (t.id == "attendance-a4-v1")
            return t;
    throw std::runtime_error("attendance-a4-v1 is not shipped");
}

const scanner::Recognizer& corpusRecognizer() {
    static const scanner::Recognizer recognizer(
        {shippedTemplates(), scanner::stationIdentityVerifier(bench::corpusKey(), bench::kCorpusSchool), {}});
    return recognizer;
}

std::string corpusPayload(const core::CardTemplate& tpl, const core::StationKey& key) {
    core::CardIdentity id;
    id.serial = "00000042";
    id.templateId = tpl.id;
    id.templateVersion = tpl.version;
    id.school = bench::kCorpusSchool;
    id.rosterVersion = 2;
    id.lesson = core::LessonIdentity{"2b", core::Date{2026, 11, 23}, 2, "mat", "t-0001"};
    return core::encodeIdentityPayload(id, key);
}

cv::Mat renderCard(double dpi, const std::string& payloadOverride) {
    const auto& tpl = attendanceTemplate();
    templates::CardContent content;
    content.identityPayload = payloadOverride.empty() ? corpusPayload(tpl, bench::corpusKey()) : payloadOverride;
    content.serial = "00000042";
    const auto r = templates::renderRaster(tpl, content, dpi);
    return cv::Mat(r.height, r.width, CV_8UC1, const_cast<std::uint8_t*>(r.gray.data())).clone();
}

scanner::ImageView view(const cv::Mat& image, double dpi) { return bench::viewOf(image, dpi); }

const scanner::FieldReading* field(const scanner::PageRecognition& r, const std::string& id) {
    for (const auto& f : r.fields)
        if (f.fieldId == id)
            return &f;
    return nullptr;
}

} // namespace scanstation::testing
