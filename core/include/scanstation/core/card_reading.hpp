#pragma once
// One recognised page as the store receives it: plain data, no image library types. The
// scanner's recognizer result is converted into this at the scanner's edge
// (scanner/src/ingest/); everything after that (validation, review, custody) reads only this.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

// What recognition made of the page as a whole (issue 4's `status`).
enum class PageStatus { Read, NeedsReview, Unreadable, NotACard, Blank };

std::string toString(PageStatus status); // "read", "needs_review", "unreadable", "not_a_card", "blank"
std::optional<PageStatus> pageStatusFromString(const std::string& text);

// One field's verdict. A Value that is not flagged is recognition's promise that it is what
// the teacher meant; Nothing is "no bubble marked" (a valid answer); Flagged carries a reason.
enum class FieldState { Value, Nothing, Flagged };

std::string toString(FieldState state); // "value", "nothing", "flagged"

struct FieldReading {
    std::string fieldId;             // template field id, e.g. "row.07.attendance"
    FieldState state = FieldState::Nothing;
    std::vector<std::string> values; // marked option values; several only for multiple choice
    std::string reason;              // why flagged ("two marks", "faint mark"); empty otherwise
    double confidence = 1.0;         // 0..1

    // The values joined with ',' ("" for nothing).
    std::string joined() const;
};

// A finding of recognition about the page or one field (issue 4's `issues`).
struct ReadingIssue {
    std::string code;    // e.g. "double_mark", "code_unreadable"
    std::string fieldId; // empty for the page as a whole
    std::string message;
};

// What the card's identity code says, as decoded and verified by recognition.
struct CardIdentityReading {
    std::string serial;       // "00000042"
    std::string templateId;
    int templateVersion = 1;
    bool signatureValid = false; // the code's MAC verified with this station's key
    std::optional<std::int64_t> lessonSlotId;  // none for an outage card
    std::optional<std::int64_t> rosterVersion; // the roster the rows were printed from
};

// Where the card lay on its page, as recognition estimated it from the registration marks:
// the homography from card millimetres (from the card's top-left corner as printed) to pixels
// of the page's stored original (from its top-left pixel), and how the card was turned.
struct CardFrame {
    std::array<double, 9> mmToPx{}; // row-major 3x3; a point (x, y, 1) maps to (u, v, w) -> (u/w, v/w)
    int rotationDegrees = 0;        // 0, 90, 180, 270: clockwise turn of the card on the page

    struct PagePoint {
        double x = 0, y = 0; // page pixels
    };
    PagePoint toPage(double xMm, double yMm) const;
};

struct CardReading {
    std::string pageHash;     // SHA-256 hex of the page's original bytes (content address)
    std::string source;       // file path, "sane:<device>", ...
    int pageNumber = 1;       // 1-based within the source
    PageStatus status = PageStatus::NotACard;
    std::optional<CardIdentityReading> card; // none when no code was found
    std::vector<FieldReading> fields;
    std::vector<ReadingIssue> issues;
    std::string measurements; // raw per-bubble measurements, opaque text (the scanner writes JSON)
    std::optional<CardFrame> frame; // none when recognition found no usable frame

    const FieldReading* field(const std::string& fieldId) const;
};

} // namespace scanstation::core
