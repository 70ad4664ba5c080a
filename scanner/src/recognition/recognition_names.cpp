#include "scanstation/scanner/recognition_result.hpp"

namespace scanstation::scanner {

std::string toString(PageStatus status) {
    switch (status) {
    case PageStatus::Read: return "read";
    case PageStatus::NeedsReview: return "needs_review";
    case PageStatus::Unreadable: return "unreadable";
    case PageStatus::NotACard: return "not_a_card";
    case PageStatus::Blank: return "blank";
    }
    return "unreadable";
}

std::string toString(FlagReason reason) {
    switch (reason) {
    case FlagReason::MultipleMarks: return "multiple_marks";
    case FlagReason::FaintMark: return "faint_mark";
    case FlagReason::PartialMark: return "partial_mark";
    case FlagReason::BetweenThresholds: return "between_thresholds";
    case FlagReason::StrokeAcrossBubbles: return "stroke_across_bubbles";
    case FlagReason::CancelledMark: return "cancelled_mark";
    case FlagReason::UnexplainedInk: return "unexplained_ink";
    }
    return "unexplained_ink";
}

std::string toString(BubbleState state) {
    switch (state) {
    case BubbleState::Empty: return "empty";
    case BubbleState::Marked: return "marked";
    case BubbleState::Unsure: return "unsure";
    case BubbleState::Cancelled: return "cancelled";
    }
    return "unsure";
}

} // namespace scanstation::scanner
