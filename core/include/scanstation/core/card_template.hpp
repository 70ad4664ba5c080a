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
};

enum class FieldKind {
    SingleChoice,   // at most one option may be marked; none marked is a valid "nothing"
    MultipleChoice, // any subset may be marked
    DigitColumn,    // one decimal digit: options "0".."9"; several columns form a number
};

// Where a field belongs: the card header, or the pupil printed on row `row` (0-based).
struct FieldDef {
    std::string id;            // stable, e.g. "row.07.attendance", "header.topic.digit1"
    FieldKind kind = FieldKind::SingleChoice;
    std::string label;         // human-readable, for review screens
    std::optional<int> row;    // set for per-pupil fields
    std::vector<BubbleOption> options;
};

struct CardTemplate {
    int schemaVersion = 1;
    std::string id;            // e.g. "attendance-a4-v1"
    int version = 1;
    std::string kind;          // "attendance" | "grade" | "outage"
    double pageWidthMm = 210;
    double pageHeightMm = 297;
    std::vector<RegistrationMark> registrationMarks;
    RectMm identityCodeRegion; // where the QR code (and its quiet zone) is printed
    std::optional<RectMm> handwrittenTopicRegion; // kept as an image, never recognised
    int rowCount = 0;          // pupil rows on the card
    std::vector<FieldDef> fields;

    const FieldDef* findField(const std::string& fieldId) const {
        for (const auto& f : fields)
            if (f.id == fieldId)
                return &f;
        return nullptr;
    }
};

} // namespace scanstation::core
