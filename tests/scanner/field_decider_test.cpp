// decideField on hand-written measurements: every verdict and every flag reason.
#include "scanstation/scanner/recognition_steps.hpp"

#include <gtest/gtest.h>

namespace scanstation::scanner {
namespace {

core::FieldDef attendance(core::FieldKind kind = core::FieldKind::SingleChoice) {
    core::FieldDef f;
    f.id = "row.01.attendance";
    f.kind = kind;
    for (const char* v : {"nb", "sp", "u", "zw"})
        f.options.push_back({v, {}, 2.0, v});
    return f;
}

BubbleMeasurement empty() { return {}; }
BubbleMeasurement full() {
    BubbleMeasurement m;
    m.fill = 0.85;
    m.coverage = 1.0;
    m.peak = 1.0;
    return m;
}

FieldReading decide(std::vector<BubbleMeasurement> b, core::FieldKind kind = core::FieldKind::SingleChoice) {
    return decideField(attendance(kind), std::move(b), MarkThresholds{});
}

TEST(DecideField, NothingMarkedIsAnUnflaggedNothing) {
    const auto r = decide({empty(), empty(), empty(), empty()});
    EXPECT_FALSE(r.flagged);
    EXPECT_TRUE(r.values.empty());
    EXPECT_GT(r.confidence, 0.9);
}

TEST(DecideField, OneFullMarkIsItsValue) {
    const auto r = decide({empty(), full(), empty(), empty()});
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, std::vector<std::string>{"sp"});
    EXPECT_EQ(r.bubbles[1].state, BubbleState::Marked);
    EXPECT_EQ(r.bubbles[1].value, "sp");
}

TEST(DecideField, TwoMarksInASingleChoiceAreFlagged) {
    const auto r = decide({full(), empty(), full(), empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::MultipleMarks);
    EXPECT_EQ(r.values, (std::vector<std::string>{"nb", "u"}));
}

TEST(DecideField, TwoMarksInAMultipleChoiceAreBothValues) {
    const auto r = decide({full(), empty(), full(), empty()}, core::FieldKind::MultipleChoice);
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, (std::vector<std::string>{"nb", "u"}));
}

TEST(DecideField, ShadingWithoutInkIsAFaintMark) {
    auto faint = empty();
    faint.fill = 0.15; // light pencil or residue: no pen-dark sample
    const auto r = decide({empty(), faint, empty(), empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::FaintMark);
    EXPECT_TRUE(r.values.empty());
}

TEST(DecideField, ALittleDarkInkIsAPartialMark) {
    auto dot = empty();
    dot.coverage = 0.11;
    dot.fill = 0.08;
    EXPECT_EQ(decide({dot, empty(), empty(), empty()}).reason, FlagReason::PartialMark);
}

// The measurements of corpus card 00002009 (seed 20261200) row.12.grade, where nothing was meant:
// a stray pen line crossing bubble "5" off-centre, its two exits 135 degrees apart (short of the
// 140-degree "line through" spread). It was read as "5", unflagged; it must be flagged.
BubbleMeasurement strayLineOffCentre() {
    BubbleMeasurement m;
    m.fill = 0.13;
    m.coverage = 0.18;
    m.peak = 0.69;
    m.outerArc = 0.08;
    m.outerFill = 0.04;
    m.outerRuns = 2;
    m.outerSpreadDeg = 135;
    return m;
}

TEST(DecideField, AStrayLineCrossingAnEmptyBubbleOffCentreIsFlaggedNotRead) {
    const auto r = decide({empty(), strayLineOffCentre(), empty(), empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::StrokeAcrossBubbles);
    EXPECT_TRUE(r.values.empty());
    EXPECT_EQ(r.bubbles[1].state, BubbleState::Unsure);
}

TEST(DecideField, AThinTickLeavingOnOneSideIsStillRead) {
    auto tick = strayLineOffCentre(); // same ink, but its long arm leaves the bubble once
    tick.outerRuns = 1;
    tick.outerSpreadDeg = 15;
    const auto r = decide({empty(), tick, empty(), empty()});
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, std::vector<std::string>{"sp"});
}

TEST(DecideField, ACrossReachingOutInTwoPlacesIsStillRead) {
    auto cross = strayLineOffCentre();
    cross.fill = 0.37; // a cross's median ink: not a thin line
    cross.coverage = 0.44;
    const auto r = decide({empty(), empty(), cross, empty()});
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, std::vector<std::string>{"u"});
}

TEST(DecideField, InkAndShadingBetweenTheThresholdsIsFlagged) {
    auto between = empty();
    between.coverage = 0.12;
    between.fill = 0.14;
    EXPECT_EQ(decide({empty(), empty(), between, empty()}).reason, FlagReason::BetweenThresholds);
}

TEST(DecideField, InkInTheGapBetweenTwoBubblesIsAStrokeAcrossThem) {
    auto a = empty(), b = empty();
    a.coverage = b.coverage = 0.2;
    a.fill = b.fill = 0.15;
    a.gapInkAfter = 0.8;
    const auto r = decide({a, b, empty(), empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::StrokeAcrossBubbles);
}

TEST(DecideField, AThinStrokeLeavingOnOppositeSidesIsALineThrough) {
    auto line = empty();
    line.coverage = 0.2;
    line.fill = 0.15;
    line.outerArc = 0.1;
    line.outerRuns = 2;
    line.outerSpreadDeg = 175;
    EXPECT_EQ(decide({empty(), line, empty(), empty()}).reason, FlagReason::StrokeAcrossBubbles);
}

TEST(DecideField, ACircledMarkWithAnotherMarkIsCancelled) {
    auto circled = full();
    circled.outerArc = 0.95;
    circled.outerFill = 0.2;
    const auto r = decide({circled, empty(), full(), empty()});
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, std::vector<std::string>{"u"});
    EXPECT_EQ(r.bubbles[0].state, BubbleState::Cancelled);
}

TEST(DecideField, ACircledMarkAloneIsFlaggedNeverRead) {
    auto circled = full();
    circled.outerArc = 0.95;
    circled.outerFill = 0.2;
    const auto r = decide({empty(), circled, empty(), empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::CancelledMark);
    EXPECT_TRUE(r.values.empty());
}

TEST(DecideField, InkPartlyAroundAMarkIsUnexplained) {
    auto odd = full();
    odd.outerArc = 0.6;
    odd.outerFill = 0.1;
    // (arc 0.6: more than a spill, less than a circle)
    const auto r = decide({empty(), empty(), odd, empty()});
    EXPECT_TRUE(r.flagged);
    EXPECT_EQ(r.reason, FlagReason::UnexplainedInk);
}

TEST(DecideField, ASolidSpillIsStillAMark) {
    auto spill = full();
    spill.outerArc = 0.3;
    spill.outerRuns = 1;
    spill.farArc = 0.1;
    const auto r = decide({empty(), empty(), empty(), spill});
    EXPECT_FALSE(r.flagged);
    EXPECT_EQ(r.values, std::vector<std::string>{"zw"});
}

} // namespace
} // namespace scanstation::scanner
