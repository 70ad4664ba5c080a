// Loading the shipped templates, and every kind of malformed template file.
#include "scanstation/core/error.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace scanstation;

namespace {

std::filesystem::path templateDir() {
    return std::filesystem::path(SCANSTATION_SOURCE_DIR) / "card-templates" / "templates";
}

std::string readShipped(const std::string& id) {
    std::ifstream in(templateDir() / (id + ".json"));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Replaces the first occurrence of `from` in the attendance template and parses the result;
// returns the error message (empty when it loaded).
std::string errorAfterEdit(const std::string& from, const std::string& to) {
    std::string text = readShipped("attendance-a4-v1");
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    try {
        templates::parseTemplate(text, "edited.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        return e.what();
    }
    return "";
}

} // namespace

TEST(TemplateLoader, LoadsTheThreeShippedTemplates) {
    const auto all = templates::loadTemplateDir(templateDir());
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, "attendance-a4-v1");
    EXPECT_EQ(all[1].id, "grade-a4-v1");
    EXPECT_EQ(all[2].id, "outage-a4-v1");
    for (const auto& t : all) {
        EXPECT_EQ(t.rowCount, 40) << t.id;
        EXPECT_EQ(t.rows.size(), 40u) << t.id;
        EXPECT_EQ(t.registrationMarks.size(), 5u) << t.id;
        EXPECT_DOUBLE_EQ(t.pageWidthMm, 210);
        EXPECT_DOUBLE_EQ(t.pageHeightMm, 297);
    }
}

TEST(TemplateLoader, AttendanceFieldsHaveStableIdsAndOptions) {
    const auto t = templates::findTemplate(templateDir(), "attendance-a4-v1");
    const auto* row7 = t.findField("row.07.attendance");
    ASSERT_NE(row7, nullptr);
    ASSERT_TRUE(row7->row.has_value());
    EXPECT_EQ(*row7->row, 6);
    ASSERT_EQ(row7->options.size(), 4u);
    EXPECT_EQ(row7->options[0].value, "nb");
    EXPECT_EQ(row7->options[3].value, "zw");
    EXPECT_DOUBLE_EQ(row7->options[0].centre.y, t.rows[6].centreY);
    const auto* d1 = t.findField("header.topic.d1");
    ASSERT_NE(d1, nullptr);
    EXPECT_EQ(d1->kind, core::FieldKind::DigitColumn);
    EXPECT_EQ(d1->options.size(), 10u);
    EXPECT_NE(t.findField("header.not_held"), nullptr);
    EXPECT_NE(t.findField("header.substitution"), nullptr);
    EXPECT_NE(t.findField("row.40.attendance"), nullptr);
    EXPECT_EQ(t.findField("row.41.attendance"), nullptr);
    ASSERT_TRUE(t.handwrittenTopicRegion.has_value());
}

TEST(TemplateLoader, GradeAndOutageFields) {
    const auto g = templates::findTemplate(templateDir(), "grade-a4-v1");
    ASSERT_NE(g.findField("row.01.grade"), nullptr);
    EXPECT_EQ(g.findField("row.01.grade")->options.size(), 8u);
    EXPECT_EQ(g.findField("row.01.modifier")->options.size(), 2u);
    EXPECT_EQ(g.findField("header.grade.weight")->options.size(), 5u);
    EXPECT_NE(g.findField("header.grade.category"), nullptr);
    EXPECT_NE(g.findField("header.grade.counts"), nullptr);
    const auto o = templates::findTemplate(templateDir(), "outage-a4-v1");
    for (const char* id : {"header.class.d2", "header.month.d1", "header.day.d2", "header.lesson.d1",
                           "header.subject.d2", "header.teacher.d3", "row.21.attendance"})
        EXPECT_NE(o.findField(id), nullptr) << id;
    // Row 21 starts the second block, beside row 1.
    EXPECT_DOUBLE_EQ(o.rows[20].centreY, o.rows[0].centreY);
    EXPECT_GT(o.rows[20].numberRightX, o.rows[0].numberRightX);
}

TEST(TemplateLoader, UnknownIdIsNotFoundAndNamesKnownIds) {
    try {
        templates::findTemplate(templateDir(), "no-such-card");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("attendance-a4-v1"), std::string::npos);
    }
}

TEST(TemplateLoader, MissingFileIsNotFound) {
    EXPECT_THROW(
        {
            try {
                templates::loadTemplateFile(templateDir() / "missing.json");
            } catch (const Error& e) {
                EXPECT_EQ(e.kind(), ErrorKind::NotFound);
                throw;
            }
        },
        Error);
}

TEST(TemplateLoaderErrors, SyntaxErrorNamesTheFile) {
    try {
        templates::parseTemplate("{ \"id\": ", "broken.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        EXPECT_EQ(std::string(e.what()), "broken.json: /: not valid JSON");
    }
}

TEST(TemplateLoaderErrors, EachErrorNamesFilePathAndProblem) {
    struct Case {
        std::string from, to, expected;
    };
    const std::vector<Case> cases = {
        {"\"schema_version\": 1", "\"schema_version\": 2", "edited.json: /schema_version: schema version 2 is not supported"},
        {"\"id\": \"attendance-a4-v1\"", "\"id\": \"Attendance A4\"", "edited.json: /id: template id"},
        {"\"version\": 1,", "\"version\": \"1\",", "edited.json: /version: expected an integer, found string"},
        {"\"kind\": \"attendance\"", "\"kind\": \"register\"", "edited.json: /kind: unknown card kind \"register\""},
        {"\"bubble_radius_mm\": 2.0", "\"bubble_radius_mm\": 9", "edited.json: /bubble_radius_mm: number 9 is outside 1.5..3"},
        {"\"kind\": \"square\", \"centre_mm\": [10, 10]", "\"kind\": \"circle\", \"centre_mm\": [10, 10]",
         "edited.json: /registration_marks/0/kind: unknown mark kind \"circle\""},
        {"\"centre_mm\": [10, 10]", "\"centre_mm\": [10]", "edited.json: /registration_marks/0/centre_mm: expected a point"},
        {"\"identity_code\": {", "\"identity_codes\": {", "edited.json: /identity_codes: unknown member"},
        {"\"kind\": \"digit_column\"", "\"kind\": \"digits\"", "edited.json: /header_fields/2/kind: unknown field kind \"digits\""},
        {"\"values\": [\"nb\", \"sp\", \"u\", \"zw\"]", "\"values\": [\"nb\", \"sp\", \"nb\", \"zw\"]",
         "edited.json: /rows/blocks/0: option value \"nb\" appears twice"},
        {"\"row_count\": 40", "\"row_count\": 39", "edited.json: /rows/blocks: row 40 of 40 is in no block"},
        {"\"step_x_mm\": 8", "\"step_x_mm\": 5", "edited.json: /rows: field row.01.attendance option \"nb\" and field row.01.attendance option \"sp\" are 1.00 mm apart"},
        {"\"centre_mm\": [24, 31.5]", "\"centre_mm\": [12, 14]", "edited.json: /header_fields/0: field header.not_held option \"yes\" at (12.00 mm, 14.00 mm) is inside the quiet zone of mark \"top-left\""},
        {"\"centre_mm\": [24, 31.5]", "\"centre_mm\": [170, 30]", "overlaps the identity code region"},
        {"\"first_centre_mm\": [44, 43.5]", "\"first_centre_mm\": [44, 42]", "are 0.50 mm apart edge to edge (minimum 1.50 mm)"},
        {"\"id\": \"header.substitution\"", "\"id\": \"header.not_held\"", "edited.json: /: field id \"header.not_held\" is used twice"},
        {"\"id\": \"header.substitution\"", "\"id\": \"substitution\"", "edited.json: /header_fields/1/id: a header field id starts with"},
        {"\"count\": 40", "\"count\": \"forty\"", "edited.json: /rows/count: expected an integer, found string"},
    };
    for (const auto& c : cases) {
        const std::string message = errorAfterEdit(c.from, c.to);
        EXPECT_NE(message.find(c.expected), std::string::npos)
            << "edit " << c.from << " -> " << c.to << "\n  got: " << message << "\n  expected: " << c.expected;
    }
}
