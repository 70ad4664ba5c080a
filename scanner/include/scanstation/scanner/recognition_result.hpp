#pragma once
// What recognition reports for one page. A bad card is a result, never an exception: every
// page gets a status with reasons, and every field a verdict that keeps its raw measurements
// so thresholds can be re-evaluated later without the image.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scanstation::scanner {

enum class PageStatus {
    Read,        // every field has an unflagged verdict
    NeedsReview, // the card was identified, some field is flagged
    Unreadable,  // a card, but its marks, transform or identity code could not be used
    NotACard,    // ink on the page, but no registration marks
    Blank,       // nothing printed or written (e.g. a duplex back)
};
std::string toString(PageStatus status); // "read", "needs_review", "unreadable", "not_a_card", "blank"

// Why a field is flagged. Stable codes written as `reason` in the JSON Lines output.
enum class FlagReason {
    MultipleMarks,       // more than one mark in a single-choice field or digit column
    FaintMark,           // a mark too light to be sure (light pencil, erasure residue)
    PartialMark,         // a mark covering too little of its bubble to be sure
    BetweenThresholds,   // a bubble neither clearly empty nor clearly marked
    StrokeAcrossBubbles, // one stroke runs through several bubbles of the field
    CancelledMark,       // a circled (cancelled) mark that cannot be resolved on its own
    UnexplainedInk,      // ink around a bubble that is neither a spill nor a clear circle
};
std::string toString(FlagReason reason); // "multiple_marks", "faint_mark", ...

enum class BubbleState { Empty, Marked, Unsure, Cancelled };
std::string toString(BubbleState state); // "empty", "marked", "unsure", "cancelled"

// Raw measurements of one bubble. Darkness is normalised per pixel by the local paper white
// and the ink level of the registration marks: 0 = paper, 1 = as dark as printed ink.
struct BubbleMeasurement {
    std::string value;       // the option's value label
    double fill = 0;         // mean darkness over the bubble's inside (blank-printed pixels only)
    double coverage = 0;     // share of inside samples darker than 0.5
    double peak = 0;         // 90th percentile of inside darkness
    double outerArc = 0;     // share of directions with ink 1.35..2.1 radii from the centre
    double outerFill = 0;    // mean darkness of that annulus
    double farArc = 0;       // share of directions with ink beyond 1.9 radii (a stroke going on)
    int outerRuns = 0;       // separate runs of directions with ink (a line through: 2)
    double outerSpreadDeg = 0; // widest angle between two directions with ink, 0..180
    double gapInkAfter = 0;  // share of ink in the gap to the next bubble of the field
    BubbleState state = BubbleState::Empty;
};

struct FieldReading {
    std::string fieldId;
    std::vector<std::string> values; // marked options in template order; empty = nothing marked
    bool multiple = false;           // multiple-choice field: `values` is a set
    bool flagged = false;
    std::optional<FlagReason> reason;
    std::string reasonDetail; // human-readable, names the bubbles involved
    double confidence = 0;    // 0..1: distance of the deciding bubbles from the thresholds
    std::vector<BubbleMeasurement> bubbles;
};

struct RecognitionIssue {
    std::string code;    // e.g. "no_registration_marks", "identity_code_unreadable", "multiple_marks"
    std::string field;   // field id when the issue is about one field, else empty
    std::string message;
};

// The card's identity as decoded from its code and checked by the identity verifier.
struct IdentityReading {
    std::string payload;   // the code's text as decoded
    std::string symbology; // "qr" or "code128"
    bool parsed = false;   // the payload has the identity format
    bool signatureValid = false;
    std::string serial;
    std::string templateId;
    int templateVersion = 0;
    std::vector<std::pair<std::string, std::string>> fields; // further identity fields, in order
    std::string problem;   // why parsing or verification failed; empty when valid
};

struct StepTimings { // milliseconds, wall clock
    double prepare = 0, marks = 0, transform = 0, identity = 0, bubbles = 0, decide = 0, total = 0;

    StepTimings& operator+=(const StepTimings& o) { // sums over pages (benchmarks, batch reports)
        prepare += o.prepare;
        marks += o.marks;
        transform += o.transform;
        identity += o.identity;
        bubbles += o.bubbles;
        decide += o.decide;
        total += o.total;
        return *this;
    }
};

struct PageRecognition {
    PageStatus status = PageStatus::Unreadable;
    std::optional<IdentityReading> card;
    std::vector<FieldReading> fields; // template order; empty unless the card was identified
    std::vector<RecognitionIssue> issues;
    int rotationDegrees = 0;         // how the card lay on the page: 0, 90, 180, 270 (clockwise)
    double transformResidualMm = -1; // RMS mark residual of the homography; -1 when none
    // The homography recognition fitted, card mm -> page px (row-major 3x3, the page as given
    // to recognition); none when no transform was found.
    std::optional<std::array<double, 9>> cardToPage;
    StepTimings timing;
};

} // namespace scanstation::scanner
