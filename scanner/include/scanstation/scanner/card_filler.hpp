#pragma once
// A card filled in by hand, for demos and tests outside the benchmark: the card is drawn by the
// project's renderer, pen marks are drawn on named bubbles, and the sheet goes through a
// document scanner (slight skew, blur, noise) or comes out faulty (a torn corner, a cut-off
// scan, a stained identity code). Deterministic for a given seed. The benchmark corpus (bench/corpus) varies marks and
// degradations at random for accuracy figures; this one draws exactly what it is told.
//
//   scanner::CardFiller filler(templates);
//   Image page = filler.fillIssued(store, key, "00000042",
//                                  {attendanceMark(3, "nb"), attendanceMark(7, "sp", PenStroke::Faint)});
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/scanner/image.hpp"
#include "scanstation/templates/card_renderer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::scanner {

enum class PenStroke {
    Filled,    // the bubble filled with a ballpoint pen: a clean mark
    Tick,      // a tick across the bubble
    Cross,     // an X over the bubble
    Faint,     // light pencil shading, darkness ~0.10..0.18 (by the bubble's printed label): flagged
               // as faint by recognition's default thresholds
    Cancelled, // filled, then circled to cancel it (mark the meant bubble with a second mark)
};

struct PenMark {
    std::string fieldId; // e.g. "row.03.attendance", "header.topic.d1"
    std::string value;   // the option's value label, e.g. "nb", "4", "yes"
    PenStroke stroke = PenStroke::Filled;
};

// Field id helpers: 1-based rows as printed ("row.03.attendance").
PenMark attendanceMark(int row, const std::string& code, PenStroke stroke = PenStroke::Filled);
// A grade with its optional modifier: "4+" marks row.NN.grade 4 and row.NN.modifier +.
std::vector<PenMark> gradeMarks(int row, const std::string& grade, PenStroke stroke = PenStroke::Filled);
// Three digit columns "header.topic.d1..d3" for a topic number 0..999.
std::vector<PenMark> topicMarks(int topicNumber);

enum class PageFault {
    None,
    TornCorner, // the bottom-right corner torn off (with its registration mark)
    CutOff,     // the scan stops at 60 % of the card's height
    StainedCode, // a coffee stain over the identity code: a card, but whose?
};

struct FillOptions {
    double dpi = 200;
    double skewDegrees = 0.6;  // how the sheet lay on the scanner glass
    bool scannerNoise = true;  // blur and sensor noise of a document scanner
    PageFault fault = PageFault::None;
    std::uint64_t seed = 1;    // pen jitter and noise
};

class CardFiller {
public:
    explicit CardFiller(std::vector<core::CardTemplate> templates);

    // Draws `content` from template `templateId` and fills it. Error{BadInput} for an unknown
    // field or value, Error{NotFound} for an unknown template.
    Image fill(const std::string& templateId, const templates::CardContent& content, const std::vector<PenMark>& marks,
               const FillOptions& options = {}) const;

    // The card the station issued as `serial`, as printed (templates/issued_card.hpp), filled.
    Image fillIssued(core::Store& store, const core::StationKey& key, const std::string& serial,
                     const std::vector<PenMark>& marks, const FillOptions& options = {}) const;

    const core::CardTemplate& templateById(const std::string& id) const;

private:
    std::vector<core::CardTemplate> m_templates;
};

// A page that is not a card (a letter, a form of another kind): text lines and a table.
Image notACardPage(double dpi = 150, std::uint64_t seed = 1);

} // namespace scanstation::scanner
