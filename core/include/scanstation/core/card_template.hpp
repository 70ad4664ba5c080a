#pragma once
// The card template model: what a printed card looks like, in millimetres from the card's
// top-left corner (x to the right, y down), as the card is printed (portrait, upright).
// card-templates loads it from JSON and draws it; scanner reads cards through it.
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

struct PointMm {
    double x = 0;
    double y = 0;
};

struct RectMm {
    double x = 0; // top-left corner
    double y = 0;
    double width = 0;
    double height = 0;
};

// A printed registration mark that recognition finds to map image pixels to card millimetres.
struct RegistrationMark {
    std::string id;       // e.g. "top-left"
    std::string kind;     // e.g. "square" (solid), as the template document defines
    PointMm centre;
    double size = 0;      // side or diameter, mm
};

// One bubble: one option of one field.
struct BubbleOption {
    std::string value; // the value label recorded when this bubble is marked, e.g. "nb", "5", "+"
    PointMm centre;
    double radius = 0; // mm
    std::string printedLabel; // small light-grey text printed inside the circle (may be empty)
};

enum class FieldKind {
    SingleChoice,   // at most one option may be marked; none marked is a valid "nothing"
    MultipleChoice, // any subset may be marked
    DigitColumn,    // one decimal digit: options "0".."9"; several columns form a number
};

// Where a field belongs: the card header, or the pupil printed on row `row` (0-based).
struct FieldDef {
    std::string id;            // stable, e.g. "row.07.attendance", "header.topic.d1" (card-templates/README.md)
    FieldKind kind = FieldKind::SingleChoice;
    std::string label;         // human-readable, for review screens
    std::optional<int> row;    // set for per-pupil fields
    std::vector<BubbleOption> options;
};

// Where pupil row `row` (0-based; field ids use row + 1, e.g. "row.07" is row 6) is printed.
struct RowGeometry {
    int row = 0;
    double centreY = 0;      // mm, the y of every bubble of this row
    double numberRightX = 0; // mm, right end of the printed register number
    double nameX = 0;        // mm, left end of the printed pupil name
    double nameWidth = 0;    // mm available for the name (longer names are shrunk to fit)
};

// Fixed text of the template (column headings, field labels). `position` is the left end of
// the text's baseline, in mm; size in typographic points.
struct PrintedText {
    std::string text;
    PointMm position;
    double sizePt = 8;
    bool bold = false;
};

struct CardTemplate {
    int schemaVersion = 1;
    std::string id;            // e.g. "attendance-a4-v1"
    int version = 1;
    std::string kind;          // "attendance" | "grade" | "outage"
    std::string title;         // printed at the top of the header text region
    double pageWidthMm = 210;
    double pageHeightMm = 297;
    std::vector<RegistrationMark> registrationMarks;
    RectMm identityCodeRegion; // where the QR code (and its quiet zone) is printed
    std::optional<RectMm> handwrittenTopicRegion; // kept as an image, never recognised
    RectMm headerTextRegion;   // per-card title and lesson lines are printed here
    int rowCount = 0;          // pupil rows on the card
    std::vector<RowGeometry> rows; // rowCount entries, by row
    std::vector<FieldDef> fields;
    std::vector<PrintedText> texts;

    const FieldDef* findField(const std::string& fieldId) const {
        for (const auto& f : fields)
            if (f.id == fieldId)
                return &f;
        return nullptr;
    }
};

} // namespace scanstation::core
