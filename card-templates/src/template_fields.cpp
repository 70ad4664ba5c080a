#include "template_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace scanstation::templates::detail {
namespace {

core::FieldKind parseKind(const JsonNode& node) {
    const std::string kind = node.asString();
    if (kind == "single_choice")
        return core::FieldKind::SingleChoice;
    if (kind == "multiple_choice")
        return core::FieldKind::MultipleChoice;
    if (kind == "digit_column")
        return core::FieldKind::DigitColumn;
    node.fail("unknown field kind \"" + kind + "\" (expected single_choice, multiple_choice or digit_column)");
}

// A field's option values: "values" if given, else 0..9 for a digit column.
std::vector<std::string> optionValues(const JsonNode& field, core::FieldKind kind) {
    std::vector<std::string> values;
    if (auto v = field.optionalMember("values")) {
        for (const auto& e : v->elements())
            values.push_back(e.asString());
    } else if (kind == core::FieldKind::DigitColumn) {
        for (char c = '0'; c <= '9'; ++c)
            values.emplace_back(1, c);
    } else {
        field.fail("a field needs \"options\" or \"values\"");
    }
    return values;
}

std::vector<std::string> optionLabels(const JsonNode& field, const std::vector<std::string>& values) {
    auto labels = field.optionalMember("labels");
    if (!labels)
        return values; // the value itself is printed inside its bubble
    std::vector<std::string> out;
    for (const auto& e : labels->elements())
        out.push_back(e.asString());
    if (out.size() != values.size())
        labels->fail("has " + std::to_string(out.size()) + " labels for " + std::to_string(values.size()) + " values");
    return out;
}

void checkOptions(const JsonNode& field, const core::FieldDef& def) {
    if (def.options.empty())
        field.fail("a field needs at least one option");
    std::set<std::string> seen;
    for (const auto& o : def.options) {
        if (o.value.empty())
            field.fail("an option has an empty value");
        if (!seen.insert(o.value).second)
            field.fail("option value \"" + o.value + "\" appears twice");
    }
    if (def.kind == core::FieldKind::DigitColumn && def.options.size() != 10)
        field.fail("a digit_column has exactly the ten options 0..9");
}

core::BubbleOption explicitOption(const JsonNode& node, double radius, std::optional<double> rowY) {
    node.allowOnly({"value", "label", "centre_mm", "x_mm"});
    core::BubbleOption o;
    o.value = node.string("value");
    o.printedLabel = node.has("label") ? node.string("label") : o.value;
    o.radius = radius;
    if (rowY)
        o.centre = {node.number("x_mm", 0, 2000), *rowY};
    else
        o.centre = node.member("centre_mm").asPoint();
    return o;
}

} // namespace

std::vector<core::FieldDef> parseHeaderFields(const JsonNode& array, double radius) {
    std::vector<core::FieldDef> out;
    for (const auto& field : array.elements()) {
        field.allowOnly({"id", "kind", "label", "options", "values", "labels", "first_centre_mm", "step_mm"});
        core::FieldDef def;
        def.id = field.string("id");
        if (def.id.rfind("header.", 0) != 0)
            field.member("id").fail("a header field id starts with \"header.\"");
        def.kind = parseKind(field.member("kind"));
        def.label = field.string("label");
        if (auto opts = field.optionalMember("options")) {
            for (const auto& o : opts->elements())
                def.options.push_back(explicitOption(o, radius, std::nullopt));
        } else {
            const auto values = optionValues(field, def.kind);
            const auto labels = optionLabels(field, values);
            const core::PointMm first = field.member("first_centre_mm").asPoint();
            const auto stepNode = field.member("step_mm");
            if (!stepNode.value().is_array() || stepNode.value().size() != 2)
                stepNode.fail("expected a step [dx_mm, dy_mm]");
            const auto step = stepNode.elements();
            const double dx = step[0].asNumber(-100, 100), dy = step[1].asNumber(-100, 100);
            for (std::size_t i = 0; i < values.size(); ++i)
                def.options.push_back({values[i], {first.x + dx * static_cast<double>(i), first.y + dy * static_cast<double>(i)}, radius, labels[i]});
        }
        checkOptions(field, def);
        out.push_back(std::move(def));
    }
    return out;
}

namespace {

struct RowFieldSpec {
    std::string suffix;
    core::FieldKind kind;
    std::string label;
    std::vector<std::string> values;
    std::vector<std::string> labels;
    std::vector<double> dx; // mm from the block's origin_x_mm
};

RowFieldSpec parseRowField(const JsonNode& field) {
    field.allowOnly({"id", "kind", "label", "options", "values", "labels", "first_x_mm", "step_x_mm"});
    RowFieldSpec spec;
    spec.suffix = field.string("id");
    if (spec.suffix.empty() || spec.suffix.find('.') != std::string::npos)
        field.member("id").fail("a row field id is one word such as \"attendance\" (the card id becomes row.NN.<id>)");
    spec.kind = parseKind(field.member("kind"));
    spec.label = field.string("label");
    if (auto opts = field.optionalMember("options")) {
        for (const auto& o : opts->elements()) {
            auto opt = explicitOption(o, 0, 0.0);
            spec.values.push_back(opt.value);
            spec.labels.push_back(opt.printedLabel);
            spec.dx.push_back(opt.centre.x);
        }
    } else {
        spec.values = optionValues(field, spec.kind);
        spec.labels = optionLabels(field, spec.values);
        const double first = field.number("first_x_mm", 0, 2000);
        const double step = field.number("step_x_mm", -100, 100);
        for (std::size_t i = 0; i < spec.values.size(); ++i)
            spec.dx.push_back(first + step * static_cast<double>(i));
    }
    return spec;
}

std::string rowId(int row1) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", row1);
    return std::string("row.") + buf + ".";
}

} // namespace

void parseRows(const JsonNode& rows, double radius, core::CardTemplate& tpl) {
    rows.allowOnly({"count", "pitch_mm", "number_right_x_mm", "name_x_mm", "name_width_mm", "blocks", "fields"});
    const int count = rows.integer("count", 1, 99);
    const double pitch = rows.number("pitch_mm", 1, 50);
    const double numberRight = rows.number("number_right_x_mm", 0, 2000);
    const double nameX = rows.number("name_x_mm", 0, 2000);
    const double nameWidth = rows.number("name_width_mm", 0, 2000);
    std::vector<RowFieldSpec> specs;
    for (const auto& f : rows.elements("fields"))
        specs.push_back(parseRowField(f));

    std::vector<bool> placed(count, false);
    for (const auto& block : rows.elements("blocks")) {
        block.allowOnly({"first_row", "row_count", "origin_x_mm", "first_centre_y_mm"});
        const int first = block.integer("first_row", 1, count);
        const int n = block.integer("row_count", 1, count - first + 1);
        const double originX = block.number("origin_x_mm", 0, 2000);
        const double y0 = block.number("first_centre_y_mm", 0, 2000);
        for (int k = 0; k < n; ++k) {
            const int row = first - 1 + k;
            if (placed[row])
                block.fail("row " + std::to_string(row + 1) + " is already placed by another block");
            placed[row] = true;
            const double y = y0 + pitch * k;
            tpl.rows.push_back({row, y, originX + numberRight, originX + nameX, nameWidth});
            for (const auto& spec : specs) {
                core::FieldDef def{rowId(row + 1) + spec.suffix, spec.kind, spec.label, row, {}};
                for (std::size_t i = 0; i < spec.values.size(); ++i)
                    def.options.push_back({spec.values[i], {originX + spec.dx[i], y}, radius, spec.labels[i]});
                checkOptions(block, def);
                tpl.fields.push_back(std::move(def));
            }
        }
    }
    for (int r = 0; r < count; ++r)
        if (!placed[r])
            rows.member("blocks").fail("row " + std::to_string(r + 1) + " of " + std::to_string(count) + " is in no block");
    tpl.rowCount = count;
    std::sort(tpl.rows.begin(), tpl.rows.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
}

} // namespace scanstation::templates::detail
