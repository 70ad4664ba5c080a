// Step 5: each bubble's state from its measurements, then the field's verdict. The rule that
// governs every branch: a value is reported unflagged only when every bubble of the field is
// clearly empty or clearly marked and nothing on the paper contradicts the reading.
#include "grey_page.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace scanstation::scanner {
namespace {

struct BubbleCall {
    BubbleState state = BubbleState::Empty;
    std::optional<FlagReason> doubt; // why it is unsure
    double margin = 1;               // 0 at a threshold .. 1 far from it
};

bool looksMarked(const BubbleMeasurement& m, const MarkThresholds& t) {
    return m.coverage >= t.markedCoverage || m.fill >= t.markedFill;
}

bool looksEmpty(const BubbleMeasurement& m, const MarkThresholds& t) {
    return m.coverage <= t.emptyCoverage && m.fill <= t.emptyFill;
}

// 0 at the nearest threshold .. 1 well clear of it.
double marginOf(const BubbleMeasurement& m, const MarkThresholds& t, bool marked) {
    if (marked)
        return std::min(1.0, std::max((m.coverage - t.markedCoverage) / t.markedCoverage,
                                      (m.fill - t.markedFill) / t.markedFill));
    return std::min(1.0, std::min((t.emptyCoverage - m.coverage) / t.emptyCoverage, (t.emptyFill - m.fill) / t.emptyFill));
}

BubbleCall classify(const BubbleMeasurement& m, const MarkThresholds& t) {
    BubbleCall c;
    const bool circled = m.outerArc >= t.circledArc;
    if (circled && looksMarked(m, t) && m.outerFill < t.maxRingFill) {
        c.state = BubbleState::Cancelled;
        c.margin = std::min(1.0, (m.outerArc - t.circledArc) / (1 - t.circledArc + 1e-9));
        return c;
    }
    if (circled || m.outerArc > t.strayArc) {
        c.state = BubbleState::Unsure;
        c.doubt = circled && !looksMarked(m, t) ? FlagReason::CancelledMark : FlagReason::UnexplainedInk;
        c.margin = 0;
        return c;
    }
    if (looksMarked(m, t) && m.outerRuns >= 2 && m.outerSpreadDeg >= t.strokeSpreadDeg) {
        // Ink leaves the bubble on two opposite sides: a line drawn through it, not a mark.
        c.state = BubbleState::Unsure;
        c.doubt = FlagReason::StrokeAcrossBubbles;
        c.margin = 0;
    } else if (looksMarked(m, t) && m.outerRuns >= 2 && m.coverage < t.thinStrokeCoverage &&
               m.fill < t.thinStrokeCoverage) {
        // A thin line whose ink leaves on two sides, short of the spread above: a stray line
        // crossing the bubble off-centre (its two exits closer than 140 degrees), not a mark.
        c.state = BubbleState::Unsure;
        c.doubt = FlagReason::StrokeAcrossBubbles;
        c.margin = 0;
    } else if (looksMarked(m, t) && m.coverage < t.solidCoverage && m.farArc > 0) {
        // A thin stroke that goes on well outside the bubble: a stray line, or a mark?
        c.state = BubbleState::Unsure;
        c.doubt = FlagReason::UnexplainedInk;
        c.margin = 0;
    } else if (looksMarked(m, t)) {
        c.state = BubbleState::Marked;
        c.margin = marginOf(m, t, true);
    } else if (looksEmpty(m, t)) {
        c.margin = marginOf(m, t, false);
    } else {
        c.state = BubbleState::Unsure;
        c.margin = 0;
        if (m.coverage <= t.emptyCoverage)
            c.doubt = FlagReason::FaintMark; // shading without pen-dark ink: light pencil, residue
        else if (m.fill <= t.emptyFill)
            c.doubt = FlagReason::PartialMark; // a little dark ink: a dot or the start of a stroke
        else
            c.doubt = FlagReason::BetweenThresholds;
    }
    return c;
}

std::string listValues(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + ("\"" + x + "\"");
    return s;
}

void flag(FieldReading& r, FlagReason reason, std::string detail) {
    r.flagged = true;
    r.reason = reason;
    r.reasonDetail = std::move(detail);
}

} // namespace

FieldReading decideField(const core::FieldDef& field, std::vector<BubbleMeasurement> bubbles,
                         const MarkThresholds& t) {
    FieldReading r;
    r.fieldId = field.id;
    r.multiple = field.kind == core::FieldKind::MultipleChoice;
    std::vector<std::string> unsure, cancelled, stroked;
    std::optional<FlagReason> firstDoubt;
    double margin = 1;
    for (std::size_t i = 0; i < bubbles.size() && i < field.options.size(); ++i) {
        auto& m = bubbles[i];
        m.value = field.options[i].value;
        const BubbleCall c = classify(m, t);
        m.state = c.state;
        margin = std::min(margin, c.margin);
        if (c.state == BubbleState::Marked)
            r.values.push_back(m.value);
        else if (c.state == BubbleState::Cancelled)
            cancelled.push_back(m.value);
        else if (c.state == BubbleState::Unsure) {
            unsure.push_back(m.value);
            firstDoubt = firstDoubt ? firstDoubt : c.doubt;
        }
    }
    // A stroke across two neighbours: ink in the gap and in both bubbles (a cancellation
    // circle also crosses the gap: it is told by its ring, not here).
    for (std::size_t i = 0; i + 1 < bubbles.size() && i + 1 < field.options.size(); ++i) {
        const auto &a = bubbles[i], &b = bubbles[i + 1];
        if (a.gapInkAfter >= t.gapInk && !looksEmpty(a, t) && !looksEmpty(b, t) &&
            a.state != BubbleState::Cancelled && b.state != BubbleState::Cancelled)
            stroked.push_back(a.value + "/" + b.value);
    }
    r.bubbles = std::move(bubbles);
    if (!stroked.empty())
        flag(r, FlagReason::StrokeAcrossBubbles, "a stroke runs between bubbles " + listValues(stroked));
    else if (!unsure.empty())
        flag(r, *firstDoubt, "unsure bubble(s) " + listValues(unsure));
    else if (!r.multiple && r.values.size() > 1)
        flag(r, FlagReason::MultipleMarks, "bubbles " + listValues(r.values) + " are all marked");
    else if (!cancelled.empty() && r.values.empty() && !r.multiple)
        flag(r, FlagReason::CancelledMark, "bubble(s) " + listValues(cancelled) + " circled and no other marked");
    // Circled marks with exactly one other clean mark follow the cancellation convention:
    // the clean mark is the value (reasonDetail keeps the note for the reviewer).
    else if (!cancelled.empty())
        r.reasonDetail = "cancelled bubble(s) " + listValues(cancelled) + " ignored";
    r.confidence = r.flagged ? 0.5 * margin : 0.5 + 0.5 * margin;
    return r;
}

} // namespace scanstation::scanner
