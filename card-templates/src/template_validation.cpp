#include "template_validation.hpp"

#include "scanstation/templates/card_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace scanstation::templates::detail {
namespace {

std::string mm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f mm", v);
    return buf;
}

core::RectMm inflate(const core::RectMm& r, double by) {
    return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

core::RectMm markRect(const core::RegistrationMark& m) {
    return {m.centre.x - m.size / 2, m.centre.y - m.size / 2, m.size, m.size};
}

bool circleTouchesRect(const core::PointMm& c, double r, const core::RectMm& rect) {
    const double nx = std::clamp(c.x, rect.x, rect.x + rect.width);
    const double ny = std::clamp(c.y, rect.y, rect.y + rect.height);
    return std::hypot(c.x - nx, c.y - ny) < r;
}

bool rectsOverlap(const core::RectMm& a, const core::RectMm& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool onPage(const core::RectMm& r, const core::CardTemplate& tpl) {
    return r.x >= 0 && r.y >= 0 && r.x + r.width <= tpl.pageWidthMm && r.y + r.height <= tpl.pageHeightMm;
}

std::string fieldWhere(const core::FieldDef& f) {
    return "field " + f.id;
}

// The JSON node a field came from: header fields come first in tpl.fields, in file order;
// row fields come from the "rows" object.
JsonNode nodeOf(const JsonNode& root, const core::CardTemplate& tpl, const core::FieldDef& f) {
    if (f.row)
        return root.member("rows");
    const auto index = static_cast<std::size_t>(&f - tpl.fields.data());
    return root.elements("header_fields").at(index);
}

void checkMarks(const JsonNode& root, const core::CardTemplate& tpl) {
    const auto marks = root.elements("registration_marks");
    for (std::size_t i = 0; i < tpl.registrationMarks.size(); ++i) {
        const auto& m = tpl.registrationMarks[i];
        if (!onPage(inflate(markRect(m), kMarkQuietZoneMm), tpl))
            marks[i].fail("mark \"" + m.id + "\" with its " + mm(kMarkQuietZoneMm) + " quiet zone is not on the page");
        if (rectsOverlap(inflate(markRect(m), kMarkQuietZoneMm), tpl.identityCodeRegion))
            marks[i].fail("mark \"" + m.id + "\" quiet zone overlaps the identity code region");
    }
    if (!onPage(tpl.identityCodeRegion, tpl))
        root.member("identity_code").fail("the identity code region is not on the page");
}

void checkBubble(const JsonNode& root0, const core::CardTemplate& tpl, const core::FieldDef& f,
                 const core::BubbleOption& o) {
    const JsonNode root = nodeOf(root0, tpl, f);
    const auto where = fieldWhere(f) + " option \"" + o.value + "\" at (" + mm(o.centre.x) + ", " + mm(o.centre.y) + ")";
    const core::RectMm box{o.centre.x - o.radius, o.centre.y - o.radius, 2 * o.radius, 2 * o.radius};
    if (!onPage(box, tpl))
        root.fail(where + " is not on the page");
    for (const auto& m : tpl.registrationMarks)
        if (circleTouchesRect(o.centre, o.radius, inflate(markRect(m), kMarkQuietZoneMm)))
            root.fail(where + " is inside the quiet zone of mark \"" + m.id + "\"");
    if (circleTouchesRect(o.centre, o.radius, tpl.identityCodeRegion))
        root.fail(where + " overlaps the identity code region");
    if (tpl.handwrittenTopicRegion && circleTouchesRect(o.centre, o.radius, *tpl.handwrittenTopicRegion))
        root.fail(where + " overlaps the handwritten topic box");
}

void checkGaps(const JsonNode& root, const core::CardTemplate& tpl) {
    struct Ref { const core::FieldDef* f; const core::BubbleOption* o; };
    std::vector<Ref> all;
    for (const auto& f : tpl.fields)
        for (const auto& o : f.options)
            all.push_back({&f, &o});
    // Sorted by y, only neighbours within reach are compared.
    std::stable_sort(all.begin(), all.end(), [](const Ref& a, const Ref& b) { return a.o->centre.y < b.o->centre.y; });
    for (std::size_t i = 0; i < all.size(); ++i) {
        for (std::size_t j = i + 1; j < all.size(); ++j) {
            const auto& a = *all[i].o;
            const auto& b = *all[j].o;
            if (b.centre.y - a.centre.y > a.radius + b.radius + kMinBubbleGapMm)
                break;
            const double gap = std::hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) - a.radius - b.radius;
            if (gap < kMinBubbleGapMm - 1e-9)
                nodeOf(root, tpl, *all[j].f).fail(fieldWhere(*all[i].f) + " option \"" + a.value + "\" and " + fieldWhere(*all[j].f) +
                          " option \"" + b.value + "\" are " + mm(gap) + " apart edge to edge (minimum " +
                          mm(kMinBubbleGapMm) + ")");
        }
    }
}

} // namespace

void validateGeometry(const JsonNode& root, const core::CardTemplate& tpl) {
    checkMarks(root, tpl);
    for (const auto& f : tpl.fields)
        for (const auto& o : f.options)
            checkBubble(root, tpl, f, o);
    checkGaps(root, tpl);
}

} // namespace scanstation::templates::detail
