// The engine: chains the steps and turns every failure of the input into a status with
// reasons. Each template's bubble sampling is prepared once, from the project's own renderer.
#include "scanstation/scanner/recognizer.hpp"

#include "grey_page.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/templates/card_renderer.hpp"
#include "scanstation/templates/fallback_code.hpp"

#include <opencv2/core.hpp>

#include <chrono>

namespace scanstation::scanner {
namespace {

constexpr double kBlankRenderDpi = 200;

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point& t) {
    const auto now = Clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - t).count();
    t = now;
    return ms;
}

void addIssue(PageRecognition& r, std::string code, std::string message, std::string field = {}) {
    r.issues.push_back({std::move(code), std::move(field), std::move(message)});
}

PageRecognition unreadable(PageRecognition r, std::string code, std::string message) {
    r.status = PageStatus::Unreadable;
    addIssue(r, std::move(code), std::move(message));
    return r;
}

} // namespace

struct Recognizer::Impl {
    RecognizerConfig config;
    std::vector<BubbleSampling> sampling; // parallel to config.templates

    const core::CardTemplate* findTemplate(const IdentityReading& id, std::size_t& index) const {
        for (index = 0; index < config.templates.size(); ++index) {
            const auto& t = config.templates[index];
            if (t.id == id.templateId && (id.templateVersion == 0 || t.version == id.templateVersion))
                return &t;
        }
        return nullptr;
    }

    PageRecognition run(const ImageView& image) const;
    PageRecognition readCard(const detail::GreyPage& page, CardTransform transform, PageRecognition r,
                             Clock::time_point& t) const;
};

Recognizer::Recognizer(RecognizerConfig config) : m_impl(std::make_unique<Impl>()) {
    if (config.templates.empty())
        throw Error(ErrorKind::BadInput, "recognizer: no card templates given");
    if (!config.verifyIdentity)
        throw Error(ErrorKind::BadInput, "recognizer: no identity verifier given");
    for (const auto& tpl : config.templates) {
        if (!detail::splitMarkLayout(tpl.registrationMarks))
            throw Error(ErrorKind::BadInput, "recognizer: template " + tpl.id + " has no four corner marks");
        const templates::Raster blank = templates::renderRaster(tpl, templates::CardContent{}, kBlankRenderDpi);
        const ImageView view{blank.gray.data(), blank.width, blank.height, blank.stride, PixelFormat::Gray8, blank.dpi};
        m_impl->sampling.push_back(prepareBubbleSampling(tpl, view));
    }
    m_impl->config = std::move(config);
}

Recognizer::~Recognizer() = default;
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;

const std::vector<core::CardTemplate>& Recognizer::templates() const { return m_impl->config.templates; }

PageRecognition Recognizer::recognize(const ImageView& image) const {
    const auto start = Clock::now();
    PageRecognition r;
    try {
        r = m_impl->run(image);
    } catch (const cv::Exception& e) {
        r = unreadable(PageRecognition{}, "image_processing_failed", std::string("image processing failed: ") + e.what());
    }
    r.timing.total = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return r;
}

PageRecognition Recognizer::Impl::run(const ImageView& image) const {
    PageRecognition r;
    auto t = Clock::now();
    const detail::GreyPage page = detail::prepareGreyPage(image);
    r.timing.prepare = msSince(t);
    if (page.full.empty())
        return unreadable(std::move(r), "empty_image", "the page image is empty");
    // Every shipped template shares one mark layout; the first one's marks are searched.
    const auto& layout = config.templates.front().registrationMarks;
    const FoundMarks marks = detail::findRegistrationMarks(page, layout);
    r.timing.marks = msSince(t);
    if (!marks.found) {
        r.status = marks.pageLooksBlank ? PageStatus::Blank : PageStatus::NotACard;
        addIssue(r, marks.pageLooksBlank ? "blank_page" : "no_registration_marks", marks.problem);
        return r;
    }
    CardTransform transform = detail::estimateTransform(page, marks, layout);
    r.timing.transform = msSince(t);
    if (!transform.valid && !transform.cardShaped) { // four squares, but not a card's
        r.status = PageStatus::NotACard;
        addIssue(r, "no_registration_marks", transform.problem);
        return r;
    }
    if (!transform.valid)
        return unreadable(std::move(r), "registration_failed", transform.problem);
    r.rotationDegrees = transform.rotationDegrees;
    r.transformResidualMm = transform.residualMm;
    r.cardToPage = transform.mmToPx;
    if (transform.residualMm > config.thresholds.maxResidualMm)
        return unreadable(std::move(r), "registration_residual",
                          "the registration marks disagree by " + std::to_string(transform.residualMm) +
                              " mm (limit " + std::to_string(config.thresholds.maxResidualMm) + " mm)");
    return readCard(page, transform, std::move(r), t);
}

PageRecognition Recognizer::Impl::readCard(const detail::GreyPage& page, CardTransform transform, PageRecognition r,
                                           Clock::time_point& t) const {
    const auto& front = config.templates.front(); // every shipped template shares the code's place
    const auto code = detail::decodeIdentityCode(page, transform, front.identityCodeRegion,
                                                 templates::fallbackCodeRegion(front));
    if (!code) {
        r.timing.identity = msSince(t);
        return unreadable(std::move(r), "identity_code_unreadable", "no identity code could be decoded in its region");
    }
    IdentityReading identity = config.verifyIdentity(code->text);
    identity.payload = code->text;
    identity.symbology = code->symbology;
    r.card = identity;
    r.timing.identity = msSince(t);
    if (!identity.parsed)
        return unreadable(std::move(r), "identity_code_invalid", "the identity code is not a card identity: " + identity.problem);
    if (!identity.signatureValid)
        return unreadable(std::move(r), "signature_invalid", "the identity code failed verification: " + identity.problem);
    std::size_t index = 0;
    const core::CardTemplate* tpl = findTemplate(identity, index);
    if (!tpl)
        return unreadable(std::move(r), "unknown_template", "the card names template " + identity.templateId + " v" +
                                                                std::to_string(identity.templateVersion) +
                                                                ", which this station does not know");
    auto measured = detail::sampleBubbles(page, transform, sampling[index]);
    r.timing.bubbles = msSince(t);
    bool flagged = false;
    for (std::size_t f = 0; f < tpl->fields.size(); ++f) {
        FieldReading reading = decideField(tpl->fields[f], std::move(measured[f]), config.thresholds);
        if (reading.flagged) {
            flagged = true;
            addIssue(r, toString(*reading.reason), reading.reasonDetail, reading.fieldId);
        }
        r.fields.push_back(std::move(reading));
    }
    r.timing.decide = msSince(t);
    r.status = flagged ? PageStatus::NeedsReview : PageStatus::Read;
    return r;
}

} // namespace scanstation::scanner
