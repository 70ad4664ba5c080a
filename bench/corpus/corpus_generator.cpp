#include "corpus_card.hpp"

#include "degrade.hpp"
#include "mark_painter.hpp"
#include "scanstation/core/card_identity.hpp"
#include "scanstation/templates/card_renderer.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>

namespace scanstation::bench {
namespace {

constexpr double kPhotoRenderDpi = 150;

double uniform(std::mt19937_64& rng, double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
bool chance(std::mt19937_64& rng, double p) { return uniform(rng, 0, 1) < p; }
template <class T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

MarkStyle pickStyle(std::mt19937_64& rng, bool oneBit) {
    // Weights: how teachers fill bubbles in practice, with the hard cases well represented.
    static const std::vector<std::pair<MarkStyle, double>> weights = {
        {MarkStyle::Full, 45}, {MarkStyle::Tick, 12}, {MarkStyle::Cross, 12},
        {MarkStyle::Partial, 10}, {MarkStyle::Pencil, 11}, {MarkStyle::Spill, 10}};
    double total = 0;
    for (const auto& w : weights)
        total += w.second;
    double x = uniform(rng, 0, total);
    for (const auto& [style, w] : weights) {
        if ((x -= w) < 0)
            // A 1-bit scan keeps nothing of light pencil: no reader could see it, so such
            // pages get pen marks only (see bench/README.md).
            return oneBit && style == MarkStyle::Pencil ? MarkStyle::Full : style;
    }
    return MarkStyle::Full;
}

// How often a field carries a value, by where it is on the card.
double valueShare(const core::FieldDef& f) {
    if (f.kind == core::FieldKind::DigitColumn)
        return 0.9;
    if (f.id.find("attendance") != std::string::npos)
        return 0.25;
    if (f.id.find("modifier") != std::string::npos)
        return 0.2;
    if (f.row)
        return 0.7;
    return 0.5;
}

std::string identityPayload(const core::CardTemplate& tpl, const std::string& serial, const core::StationKey& key,
                            const std::string& school, std::mt19937_64& rng) {
    core::CardIdentity id;
    id.serial = serial;
    id.templateId = tpl.id;
    id.templateVersion = tpl.version;
    id.school = school;
    id.rosterVersion = static_cast<std::int64_t>(uniform(rng, 1, 50));
    if (tpl.kind != "outage")
        id.lesson = core::LessonIdentity{"2b", core::Date{2026, 11, 23}, static_cast<int>(uniform(rng, 1, 9)), "mat",
                                         "t-0001"};
    return core::encodeIdentityPayload(id, key);
}

} // namespace

const char* toString(CorpusClass c) { return c == CorpusClass::Scanner ? "scanner" : "photo"; }

const char* toString(MarkStyle s) {
    switch (s) {
    case MarkStyle::Full: return "full";
    case MarkStyle::Tick: return "tick";
    case MarkStyle::Cross: return "cross";
    case MarkStyle::Partial: return "partial";
    case MarkStyle::Pencil: return "pencil";
    case MarkStyle::Spill: return "spill";
    }
    return "?";
}

core::StationKey corpusKey() {
    std::array<std::uint8_t, core::StationKey::kSize> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(17 * i + 3);
    return core::StationKey(bytes);
}

CorpusGenerator::CorpusGenerator(std::vector<core::CardTemplate> templates, core::StationKey key, std::string school,
                                 CorpusOptions options)
    : m_templates(std::move(templates)), m_key(key), m_school(std::move(school)), m_options(std::move(options)),
      m_rng(m_options.seed) {}

CorpusPage CorpusGenerator::next() {
    if (m_options.kind == CorpusClass::Scanner && chance(m_rng, m_options.blankShare))
        return makeBlank();
    return makeCard();
}

CorpusPage CorpusGenerator::makeBlank() {
    const double dpi = pick(m_rng, m_options.scannerDpis);
    CorpusPage page;
    page.blank = true;
    page.dpi = dpi;
    page.image = blankBack(cv::Size(static_cast<int>(210 * dpi / 25.4), static_cast<int>(297 * dpi / 25.4)), m_rng);
    page.degradation = "blank back";
    return page;
}

CorpusPage CorpusGenerator::makeCard() {
    const auto& tpl = pick(m_rng, m_templates);
    const bool photo = m_options.kind == CorpusClass::Photo;
    const double dpi = photo ? kPhotoRenderDpi : pick(m_rng, m_options.scannerDpis);
    const bool oneBit = !photo && m_options.allowOneBit && chance(m_rng, 0.08);
    CorpusPage page;
    page.templateId = tpl.id;
    char serial[16];
    std::snprintf(serial, sizeof serial, "%08d", ++m_serial);
    page.serial = serial;
    templates::CardContent content;
    content.identityPayload = identityPayload(tpl, page.serial, m_key, m_school, m_rng);
    content.serial = page.serial;
    content.rows = templates::registerNumberRows(tpl);
    const templates::Raster raster = templates::renderRaster(tpl, content, dpi);
    cv::Mat card(raster.height, raster.width, CV_8UC1, const_cast<std::uint8_t*>(raster.gray.data()),
                 static_cast<std::size_t>(raster.stride));
    card = card.clone();
    const double pxPerMm = dpi / 25.4;
    MarkPainter painter(card, pxPerMm, m_rng);
    for (const auto& f : tpl.fields) {
        FieldTruth truth;
        const bool single = f.kind != core::FieldKind::MultipleChoice;
        if (chance(m_rng, valueShare(f))) {
            const auto& option = pick(m_rng, f.options);
            if (single && f.options.size() > 1 && chance(m_rng, 0.02)) {
                // Cancelled: another bubble marked, circled, then the meant one marked.
                const core::BubbleOption* other = &option;
                while (other == &option)
                    other = &pick(m_rng, f.options);
                painter.mark(other->centre, other->radius, MarkStyle::Full);
                painter.circle(other->centre, other->radius);
                truth.cancelled = true;
            }
            const MarkStyle style = truth.cancelled ? MarkStyle::Full : pickStyle(m_rng, oneBit);
            painter.mark(option.centre, option.radius, style);
            truth.values.push_back(option.value);
            truth.styles.push_back(style);
        } else if (chance(m_rng, 0.01)) {
            const auto& option = pick(m_rng, f.options);
            painter.erasureResidue(option.centre, option.radius);
            truth.distractor = true;
        }
        page.truth[f.id] = truth;
    }
    // Stray dots anywhere on the card; one in ten cards gets a stray pen line somewhere.
    const int dots = static_cast<int>(uniform(m_rng, 0, 4));
    for (int i = 0; i < dots; ++i)
        painter.strayDot({uniform(m_rng, 15, 195), uniform(m_rng, 20, 280)});
    if (chance(m_rng, 0.1)) {
        const core::PointMm a{uniform(m_rng, 15, 180), uniform(m_rng, 20, 270)};
        const double len = uniform(m_rng, 5, 25), ang = uniform(m_rng, 0, 6.283);
        painter.strayLine(a, {a.x + len * std::cos(ang), a.y + len * std::sin(ang)});
    }
    Degraded d = photo ? degradePhoto(card, m_rng) : degradeScanner(card, pxPerMm, oneBit, m_rng);
    page.image = d.image;
    page.dpi = photo ? 0 : dpi;
    page.degradation = d.what;
    return page;
}

} // namespace scanstation::bench
