#include "scanstation/templates/template_loader.hpp"

#include "json_reader.hpp"
#include "scanstation/core/error.hpp"
#include "template_fields.hpp"
#include "template_validation.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace scanstation::templates {
namespace {

using detail::JsonNode;

constexpr int kSchemaVersion = 1;

// Lower-case letters and digits in dash-separated words (no std::regex: it recurses per
// character and a long hostile id would overflow the stack).
bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-')
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word && !(c == '-' && id[i - 1] != '-'))
            return false;
    }
    return true;
}

void parseMarks(const JsonNode& root, core::CardTemplate& tpl) {
    for (const auto& m : root.elements("registration_marks")) {
        m.allowOnly({"id", "kind", "centre_mm", "size_mm"});
        core::RegistrationMark mark{m.string("id"), m.string("kind"), m.member("centre_mm").asPoint(),
                                    m.number("size_mm", 1, 30)};
        if (mark.kind != "square")
            m.member("kind").fail("unknown mark kind \"" + mark.kind + "\" (expected square)");
        tpl.registrationMarks.push_back(mark);
    }
    if (tpl.registrationMarks.size() < 4)
        root.member("registration_marks").fail("a card needs at least four registration marks");
}

void parseTexts(const JsonNode& root, core::CardTemplate& tpl) {
    auto texts = root.optionalMember("texts");
    if (!texts)
        return;
    for (const auto& t : texts->elements()) {
        t.allowOnly({"text", "x_mm", "y_mm", "size_pt", "bold"});
        core::PrintedText text{t.string("text"), {t.number("x_mm", 0, 2000), t.number("y_mm", 0, 2000)},
                               t.has("size_pt") ? t.number("size_pt", 3, 40) : 8.0,
                               t.has("bold") && t.member("bold").asBool()};
        tpl.texts.push_back(std::move(text));
    }
}

void checkUniqueIds(const JsonNode& root, const core::CardTemplate& tpl) {
    std::vector<std::string> ids;
    for (const auto& f : tpl.fields)
        ids.push_back(f.id);
    std::sort(ids.begin(), ids.end());
    auto dup = std::adjacent_find(ids.begin(), ids.end());
    if (dup != ids.end())
        root.fail("field id \"" + *dup + "\" is used twice");
}

core::CardTemplate parseRoot(const JsonNode& root) {
    root.allowOnly({"schema_version", "id", "version", "kind", "title", "page", "bubble_radius_mm",
                    "registration_marks", "identity_code", "header_text", "handwritten_topic",
                    "header_fields", "rows", "texts", "description"});
    core::CardTemplate tpl;
    tpl.schemaVersion = root.integer("schema_version", 1, 1000);
    if (tpl.schemaVersion != kSchemaVersion)
        root.member("schema_version").fail("schema version " + std::to_string(tpl.schemaVersion) +
                                           " is not supported (this program reads version 1)");
    tpl.id = root.string("id");
    if (!validId(tpl.id))
        root.member("id").fail("template id \"" + tpl.id + "\" must be lower-case letters and digits in dash-separated words, at most 64 characters");
    tpl.version = root.integer("version", 1, 9999);
    tpl.kind = root.string("kind");
    if (tpl.kind != "attendance" && tpl.kind != "grade" && tpl.kind != "outage")
        root.member("kind").fail("unknown card kind \"" + tpl.kind + "\" (expected attendance, grade or outage)");
    tpl.title = root.string("title");
    const auto page = root.member("page");
    page.allowOnly({"width_mm", "height_mm"});
    tpl.pageWidthMm = page.number("width_mm", 50, 1000);
    tpl.pageHeightMm = page.number("height_mm", 50, 1000);
    const double radius = root.number("bubble_radius_mm", 1.5, 3.0);
    parseMarks(root, tpl);
    tpl.identityCodeRegion = root.member("identity_code").asRect();
    tpl.headerTextRegion = root.member("header_text").asRect();
    if (auto hw = root.optionalMember("handwritten_topic"))
        tpl.handwrittenTopicRegion = hw->asRect();
    tpl.fields = detail::parseHeaderFields(root.member("header_fields"), radius);
    detail::parseRows(root.member("rows"), radius, tpl);
    parseTexts(root, tpl);
    checkUniqueIds(root, tpl);
    detail::validateGeometry(root, tpl);
    return tpl;
}

} // namespace

core::CardTemplate parseTemplate(std::string_view jsonText, const std::string& source) {
    // Exceptions off: a syntax error comes back as a discarded value, reported here.
    const auto json = nlohmann::json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
    if (json.is_discarded())
        throw Error(ErrorKind::BadInput, source + ": /: not valid JSON");
    return parseRoot(JsonNode(json, "", source));
}

core::CardTemplate loadTemplateFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, file.string() + ": cannot read the template file");
    std::ostringstream text;
    text << in.rdbuf();
    return parseTemplate(text.str(), file.string());
}

std::filesystem::path shippedTemplateDir() {
    if (const char* env = std::getenv("SCANSTATION_TEMPLATE_DIR"); env && *env)
        return env;
    return SCANSTATION_TEMPLATE_SOURCE_DIR;
}

std::vector<core::CardTemplate> loadTemplateDir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw Error(ErrorKind::NotFound, dir.string() + ": template folder not found");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::vector<core::CardTemplate> out;
    for (const auto& f : files)
        out.push_back(loadTemplateFile(f));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].id == out[i - 1].id)
            throw Error(ErrorKind::Conflict, dir.string() + ": two template files have the id \"" + out[i].id + "\"");
    return out;
}

core::CardTemplate findTemplate(const std::filesystem::path& dir, const std::string& id) {
    std::string known;
    for (auto& tpl : loadTemplateDir(dir)) {
        if (tpl.id == id)
            return std::move(tpl);
        known += (known.empty() ? "" : ", ") + tpl.id;
    }
    throw Error(ErrorKind::NotFound, "no card template \"" + id + "\" in " + dir.string() + " (known: " + known + ")");
}

} // namespace scanstation::templates
