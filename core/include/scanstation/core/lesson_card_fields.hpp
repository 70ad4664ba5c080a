#pragma once
// How the field ids of a lesson card (card-templates/templates/*.json) map to a lesson record:
//   row.NN.attendance   per pupil row NN (1-based): nb, sp, u, zw; nothing marked = present
//   row.NN.grade        per pupil row NN: 1..6, 0 (absent at the test), np
//   row.NN.modifier     + or - added to the row's grade ("4+")
//   header.grade.category, header.grade.weight, header.grade.counts   category, weight and "counts in the
//                       average" (yes/no) of the card's grades
//   header.substitution any option marked = the lesson was a substitution (zastępstwo)
//   header.not_held     any option marked = the lesson did not take place
//   header.topic.dK     digit columns (K = 1, 2, ...) of the topic's number in the plan
// Outage cards (no lesson in the code) carry the lesson in digit columns:
//   header.class.dK (the class's number: its position in the roster's classes ordered by code,
//   unless a class has exactly these digits as its code), header.month.dK, header.day.dK,
//   header.lesson.dK (or a single field header.X holding the whole number)
#include "scanstation/core/card_reading.hpp"

#include <map>
#include <optional>
#include <string>

namespace scanstation::core {

struct RowFields {
    const FieldReading* attendance = nullptr;
    const FieldReading* grade = nullptr;
    const FieldReading* modifier = nullptr;
};

// Rows that have at least one field in the reading, by 1-based row number.
std::map<int, RowFields> rowFieldsOf(const CardReading& reading);

// "row.07.attendance" -> 7; nothing when the id is not a row field.
std::optional<int> rowNumberOf(const std::string& fieldId);

// The digits of a number spread over digit columns `prefix.d1`, `prefix.d2`, ... (or a single
// field `prefix` holding the whole number). Nothing when no column is marked; "?" in place of a
// flagged or missing column so that the caller can report it.
std::optional<std::string> digitGroup(const CardReading& reading, const std::string& prefix);

} // namespace scanstation::core
