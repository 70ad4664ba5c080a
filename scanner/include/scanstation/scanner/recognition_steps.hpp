#pragma once
// The recognition steps, each its own function so each can be tested alone. The Recognizer
// (recognizer.hpp) chains them; these entry points take a plain ImageView and template data.
// Coordinates: image pixels (x right, y down, pixel centres at integer + 0.5 is NOT assumed:
// pixel (i, j) is the point (i, j)); card millimetres from the card's top-left corner.
#include "scanstation/core/card_template.hpp"
#include "scanstation/scanner/image.hpp"
#include "scanstation/scanner/recognition_result.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::scanner {

struct PixelPoint {
    double x = 0;
    double y = 0;
};

// A solid dark square found on the page (a registration mark candidate).
struct MarkCandidate {
    PixelPoint centre; // full-resolution pixels
    double sidePx = 0;
    double solidity = 0; // ink share of its minimal enclosing rectangle
};

struct FoundMarks {
    bool found = false;
    std::string problem;                // why not found
    bool pageLooksBlank = false;        // no ink to speak of
    std::array<PixelPoint, 4> corners{}; // clockwise, starting with the one nearest the image's top-left
    std::vector<MarkCandidate> candidates;
    double paperLevel = 255; // grey level of the paper (median)
    double inkLevel = 0;     // grey level of the darkest ink (low percentile)
};

// Finds the four corner marks of a card printed with the given mark layout.
FoundMarks findRegistrationMarks(const ImageView& image, const std::vector<core::RegistrationMark>& layout);

// Maps card millimetres to image pixels.
struct CardTransform {
    bool valid = false;
    bool cardShaped = true; // false: the four squares found do not have the card's proportions
    std::string problem;
    std::array<double, 9> mmToPx{}; // row-major 3x3 homography
    int rotationDegrees = 0;        // 0, 90, 180, 270: the card's top points up/right/down/left
    double residualMm = -1;         // RMS distance between predicted and found mark centres
    double inkRatio = 0;            // ink grey / paper grey measured inside the marks (0 = black)
    double paperGrey = 255;         // paper grey in the marks' quiet zones

    PixelPoint toImage(core::PointMm p) const;
};

// Picks which found corner is which template corner (using the orientation mark), refines
// the mark centres at full resolution and fits the homography.
CardTransform estimateTransform(const ImageView& image, const FoundMarks& marks,
                                const std::vector<core::RegistrationMark>& layout);

// Decodes the identity code inside `region` (card mm) with ZBar; when no QR code can be read
// there and `fallbackStrip` is given, the Code 128 fallback columns printed in that strip
// (templates::fallbackCodeRegion); nullopt when neither is found.
struct DecodedCode {
    std::string text;
    std::string symbology; // "qr" | "code128"
};
std::optional<DecodedCode> decodeIdentityCode(const ImageView& image, const CardTransform& transform,
                                              const core::RectMm& region,
                                              const std::optional<core::RectMm>& fallbackStrip = std::nullopt);

// Every candidate sample offset (mm from a bubble's centre) for bubbles of one radius, in the
// order they are read; shared by all bubbles of that radius. Each bubble keeps only indices
// into it: read once per page, a few kB of indices stay in cache where ~3 MB of per-bubble
// offsets did not (bench/RESULTS.md).
struct BubbleSampleGrid {
    std::vector<core::PointMm> inside;        // within ~0.85 radius
    std::vector<core::PointMm> outer;         // annulus 1.35..2.1 radii
    std::vector<std::uint8_t> outerDirection; // direction index 0..kOuterDirections-1 of each
    std::vector<bool> outerFar;               // the point lies beyond 1.9 radii
};

// Where to sample one bubble. Only points where the blank card is white paper are kept (printed
// outlines, labels and neighbours are left out), so any darkness found there was put on the
// card after printing.
struct BubbleSamplePoints {
    core::PointMm centre;
    double radius = 0;
    std::shared_ptr<const BubbleSampleGrid> grid;
    std::vector<std::uint16_t> inside;    // indices into grid->inside, off the outline
    std::vector<double> insideBaseline;   // printed darkness there (a light label), 0..1
    std::vector<std::uint16_t> outer;     // indices into grid->outer
    int outerDirectionsUsable = 0;        // directions with at least one outer point
    std::vector<core::PointMm> gapToNext; // between this bubble and the next option of the field
};
inline constexpr int kOuterDirections = 24;

struct BubbleSampling {
    std::vector<std::vector<BubbleSamplePoints>> fields; // parallel to CardTemplate::fields/options
};

// Builds the sample points of every bubble from a rendering of the blank card (grey, its dpi
// set: pixel (i, j) covers card mm [i, i+1) * 25.4 / dpi).
BubbleSampling prepareBubbleSampling(const core::CardTemplate& tpl, const ImageView& blankCard);

// Measures every bubble of every field through the transform (the page is never warped).
std::vector<std::vector<BubbleMeasurement>> sampleBubbles(const ImageView& image, const CardTransform& transform,
                                                          const BubbleSampling& sampling);

// Thresholds on normalised darkness (0 = paper, 1 = ink). Defaults are set from the corpus
// benchmark (bench/RESULTS.md); a field is flagged whenever its bubbles fall in between.
struct MarkThresholds {
    // Marked: a pen stroke through the bubble (coverage) or enough shading (fill, pencil).
    double markedCoverage = 0.15;
    double markedFill = 0.20;
    // Empty: both below these (a stray dot or erasure residue stays under them).
    double emptyCoverage = 0.08;
    double emptyFill = 0.10;
    double circledArc = 0.70; // outer ink in this share of directions: a circle around the bubble
    double maxRingFill = 0.75; // a circle leaves paper in the annulus; a blob fills it
    double strayArc = 0.50;   // outer ink beyond this share, short of a circle: unexplained
    double gapInk = 0.25;     // ink in this share of a gap between bubbles: a stroke across them
    double strokeSpreadDeg = 140; // outer ink this far apart, in separate runs: a line through
    double solidCoverage = 0.6;   // a fill this solid may spill far; a thinner mark may not
    // Below this coverage and fill a "mark" is a thin line, not a fill: if its ink leaves the
    // bubble in two separate runs at any spread, it is a stray line crossing the bubble off-centre
    // (a tick leaves it on one side only). Set from the corpus: crosses p5 0.30, such lines 0.13-0.24.
    double thinStrokeCoverage = 0.30;
    double maxResidualMm = 0.8;
};

// Classifies each bubble and decides the field's verdict.
FieldReading decideField(const core::FieldDef& field, std::vector<BubbleMeasurement> bubbles,
                         const MarkThresholds& thresholds);

} // namespace scanstation::scanner
