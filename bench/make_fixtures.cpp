// bench_make_fixtures OUT_DIR: writes the hand-made recognition fixtures of tests/data/recognition
// (one PNG per page status and per flag reason, 150 dpi grey, attendance card signed with the
// corpus key for school "sch-corpus-1"). Deterministic: the same program writes the same files.
// Each fixture's drawing is the function named after it below; tests/scanner/fixtures_test.cpp
// holds the expected status and reason of each.
#include "corpus_card.hpp"
#include "mark_painter.hpp"
#include "scanstation/core/card_identity.hpp"
#include "scanstation/templates/card_renderer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <functional>
#include <iostream>

using namespace scanstation;

namespace {

constexpr double kDpi = 150;

const core::BubbleOption& bubble(const core::CardTemplate& tpl, const std::string& field, const std::string& value) {
    const auto* f = tpl.findField(field);
    for (const auto& o : f->options)
        if (o.value == value)
            return o;
    throw std::runtime_error("no option " + value + " in " + field);
}

std::string payload(const core::CardTemplate& tpl, const core::StationKey& key) {
    core::CardIdentity id;
    id.serial = "00000777";
    id.templateId = tpl.id;
    id.templateVersion = tpl.version;
    id.school = bench::kCorpusSchool;
    id.rosterVersion = 3;
    id.lesson = core::LessonIdentity{"2b", core::Date{2026, 11, 23}, 3, "mat", "t-0001"};
    return core::encodeIdentityPayload(id, key);
}

cv::Mat render(const core::CardTemplate& tpl, const std::string& identityPayload) {
    templates::CardContent content;
    content.identityPayload = identityPayload;
    content.serial = "00000777";
    content.rows = templates::registerNumberRows(tpl);
    const auto r = templates::renderRaster(tpl, content, kDpi);
    return cv::Mat(r.height, r.width, CV_8UC1, const_cast<std::uint8_t*>(r.gray.data())).clone();
}

using Drawing = std::function<void(bench::MarkPainter&, const core::CardTemplate&)>;

struct Fixture {
    std::string name;
    Drawing draw;
    bool validKey = true;
    bool withCode = true;
};

void fullMark(bench::MarkPainter& p, const core::CardTemplate& t, const std::string& field, const std::string& value) {
    const auto& b = bubble(t, field, value);
    p.solidDisc(b.centre, b.radius * 0.9, 40);
}

std::vector<Fixture> fixtures() {
    const auto marks = [](bench::MarkPainter& p, const core::CardTemplate& t) {
        fullMark(p, t, "row.01.attendance", "nb");
        fullMark(p, t, "row.02.attendance", "sp");
        fullMark(p, t, "header.topic.d3", "7");
    };
    return {
        {"read", marks},
        {"read_cancelled_resolved",
         [marks](bench::MarkPainter& p, const core::CardTemplate& t) {
             marks(p, t);
             fullMark(p, t, "row.05.attendance", "u");
             const auto& b = bubble(t, "row.05.attendance", "u");
             p.arc(b.centre, b.radius * 1.55, 0, 360);
             fullMark(p, t, "row.05.attendance", "zw");
         }},
        {"needs_review_multiple_marks",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             fullMark(p, t, "row.03.attendance", "nb");
             fullMark(p, t, "row.03.attendance", "u");
         }},
        {"needs_review_faint_mark",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             const auto& b = bubble(t, "row.04.attendance", "sp");
             p.solidDisc(b.centre, b.radius * 0.9, 195); // a light smudge: shading, no pen-dark ink
         }},
        {"needs_review_partial_mark",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             const auto& b = bubble(t, "row.06.attendance", "nb");
             p.solidDisc({b.centre.x - 0.6, b.centre.y + 0.5}, 0.45, 30); // a dot, a bit more than a speck
         }},
        {"needs_review_between_thresholds",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             const auto& b = bubble(t, "row.07.attendance", "zw");
             p.segment(b.centre, b.radius * 0.95, 0.16, 40);
         }},
        {"needs_review_stroke_across_bubbles",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             const auto& a = bubble(t, "row.08.attendance", "nb");
             const auto& z = bubble(t, "row.08.attendance", "zw");
             p.strayLine({a.centre.x - 1, a.centre.y + 0.2}, {z.centre.x + 1, z.centre.y - 0.2});
         }},
        {"needs_review_cancelled_mark",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             fullMark(p, t, "row.09.attendance", "sp");
             const auto& b = bubble(t, "row.09.attendance", "sp");
             p.arc(b.centre, b.radius * 1.55, 0, 360);
         }},
        {"needs_review_unexplained_ink",
         [](bench::MarkPainter& p, const core::CardTemplate& t) {
             fullMark(p, t, "row.10.attendance", "u");
             const auto& b = bubble(t, "row.10.attendance", "u");
             p.arc(b.centre, b.radius * 1.6, 0, 220); // more than a spill, less than a circle
         }},
        {"unreadable_signature_invalid", marks, false, true},
        {"unreadable_identity_code_unreadable", marks, true, false},
    };
}

cv::Mat notACard() {
    // A typed letter: lines of text-like strokes, no registration marks.
    cv::Mat page(static_cast<int>(297 * kDpi / 25.4), static_cast<int>(210 * kDpi / 25.4), CV_8UC1, cv::Scalar(245));
    for (int line = 0; line < 40; ++line)
        cv::putText(page, "Szanowni Panstwo, uprzejmie informujemy o zebraniu rodzicow.",
                    cv::Point(60, 120 + line * 40), cv::FONT_HERSHEY_SIMPLEX, 0.75, cv::Scalar(30), 2);
    return page;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_make_fixtures OUT_DIR\n";
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    const auto tpl = templates::findTemplate(templates::shippedTemplateDir(), "attendance-a4-v1");
    std::array<std::uint8_t, core::StationKey::kSize> otherBytes{};
    otherBytes.fill(0x5a);
    const core::StationKey otherKey(otherBytes);
    std::mt19937_64 rng(4);
    for (const auto& f : fixtures()) {
        cv::Mat page = render(tpl, f.withCode ? payload(tpl, f.validKey ? bench::corpusKey() : otherKey) : "");
        bench::MarkPainter painter(page, kDpi / 25.4, rng);
        f.draw(painter, tpl);
        cv::imwrite((out / (f.name + ".png")).string(), page);
    }
    cv::imwrite((out / "not_a_card.png").string(), notACard());
    cv::Mat blank(static_cast<int>(297 * kDpi / 25.4), static_cast<int>(210 * kDpi / 25.4), CV_8UC1, cv::Scalar(240));
    cv::imwrite((out / "blank.png").string(), blank);
    std::cout << "fixtures written to " << out << "\n";
    return 0;
}
