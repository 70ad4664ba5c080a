#include "scanstation/templates/template_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace scanstation::templates {
namespace {

using Json = nlohmann::ordered_json;

// Millimetres to 0.1 µm: prints 60.8 rather than 60.799999999999997.
double mm(double v) {
    return std::round(v * 1e4) / 1e4;
}

const char* kindName(core::FieldKind kind) {
    switch (kind) {
    case core::FieldKind::SingleChoice: return "single_choice";
    case core::FieldKind::MultipleChoice: return "multiple_choice";
    case core::FieldKind::DigitColumn: return "digit_column";
    }
    return "single_choice";
}

Json rect(const core::RectMm& r) {
    return {{"x_mm", mm(r.x)}, {"y_mm", mm(r.y)}, {"width_mm", mm(r.width)}, {"height_mm", mm(r.height)}};
}

Json field(const core::FieldDef& f) {
    Json j{{"id", f.id}, {"kind", kindName(f.kind)}, {"label", f.label}};
    j["row"] = f.row ? Json(*f.row + 1) : Json(nullptr); // 1-based, as in the id
    Json options = Json::array();
    for (const auto& o : f.options)
        options.push_back({{"value", o.value}, {"centre_mm", {mm(o.centre.x), mm(o.centre.y)}}, {"radius_mm", mm(o.radius)}});
    j["options"] = std::move(options);
    return j;
}

} // namespace

std::string describeTemplateJson(const core::CardTemplate& tpl) {
    Json j;
    j["schema_version"] = tpl.schemaVersion;
    j["id"] = tpl.id;
    j["version"] = tpl.version;
    j["kind"] = tpl.kind;
    j["title"] = tpl.title;
    j["page"] = {{"width_mm", tpl.pageWidthMm}, {"height_mm", tpl.pageHeightMm}};
    Json marks = Json::array();
    for (const auto& m : tpl.registrationMarks)
        marks.push_back({{"id", m.id}, {"kind", m.kind}, {"centre_mm", {mm(m.centre.x), mm(m.centre.y)}}, {"size_mm", mm(m.size)}});
    j["registration_marks"] = std::move(marks);
    j["identity_code"] = rect(tpl.identityCodeRegion);
    j["handwritten_topic"] = tpl.handwrittenTopicRegion ? rect(*tpl.handwrittenTopicRegion) : Json(nullptr);
    j["row_count"] = tpl.rowCount;
    Json fields = Json::array();
    for (const auto& f : tpl.fields)
        fields.push_back(field(f));
    j["fields"] = std::move(fields);
    return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

} // namespace scanstation::templates
