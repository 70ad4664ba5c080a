#pragma once
// The demo the kiosk shows with --demo: core's demo school (its roster), four operators (one
// per role) and a feeder batch of twelve pages for its first two classes, a mix of clean cards,
// cards to check, a rejected card, a duplicate and a page that is not a card. The demo card
// has twelve pupil rows (the first twelve of the class); card-templates holds the real layouts.
// Everything here is data; what it means is decided in DemoBackend (standing in for core).
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/operators.hpp"

#include <string>
#include <vector>

namespace scanstation::ui::demo {

struct Pupil {
    std::string className;
    int number = 0;
    std::string name;
    std::string note;
};

struct Operator {
    std::string login;
    std::string secret;
    std::string name;
    core::Role role = core::Role::Teacher; // what the operator may do is core's permission matrix
};

enum class PageKind { Clean, FaintMark, DoubleMark, CodeUnreadable, NotACard, Duplicate };

struct DemoPage {
    std::string pageId;
    PageKind kind = PageKind::Clean;
    std::string serial;
    std::string className;
    std::string day; // ISO date
    int lessonNumber = 1;
    std::string subject;
    // Attendance code per pupil row ("" = present, no mark).
    std::vector<std::string> attendance;
    int flaggedRow = -1; // row with the faint or double mark
};

std::string schoolName();
std::vector<Pupil> pupils(); // core's demo school, by class and register number
std::vector<std::string> classCodes();
std::vector<Operator> operators();
std::vector<DemoPage> feederBatch();
// The attendance card layout of the demo (card-templates will load it from JSON).
core::CardTemplate attendanceTemplate();
// The attendance codes of DOMAIN.md, in the order printed on the card.
std::vector<std::string> attendanceCodes();

} // namespace scanstation::ui::demo
