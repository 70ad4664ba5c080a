#include "scanstation/core/lesson_card_fields.hpp"

#include <cctype>

namespace scanstation::core {

std::optional<int> rowNumberOf(const std::string& fieldId) {
    // "row." digits "." rest
    if (fieldId.rfind("row.", 0) != 0)
        return std::nullopt;
    const auto dot = fieldId.find('.', 4);
    if (dot == std::string::npos || dot == 4)
        return std::nullopt;
    int number = 0;
    for (std::size_t i = 4; i < dot; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(fieldId[i])) || number > 1000)
            return std::nullopt;
        number = number * 10 + (fieldId[i] - '0');
    }
    return number > 0 ? std::optional<int>(number) : std::nullopt;
}

std::map<int, RowFields> rowFieldsOf(const CardReading& reading) {
    std::map<int, RowFields> rows;
    for (const auto& f : reading.fields) {
        const auto row = rowNumberOf(f.fieldId);
        if (!row)
            continue;
        const std::string suffix = f.fieldId.substr(f.fieldId.find('.', 4) + 1);
        if (suffix == "attendance")
            rows[*row].attendance = &f;
        else if (suffix == "grade")
            rows[*row].grade = &f;
        else if (suffix == "modifier")
            rows[*row].modifier = &f;
    }
    return rows;
}

std::optional<std::string> digitGroup(const CardReading& reading, const std::string& prefix) {
    if (const auto* whole = reading.field(prefix)) {
        if (whole->state == FieldState::Nothing)
            return std::nullopt;
        return whole->state == FieldState::Flagged ? std::string("?") : whole->joined();
    }
    std::string digits;
    bool anyMarked = false;
    for (int k = 1;; ++k) {
        const auto* column = reading.field(prefix + ".d" + std::to_string(k));
        if (!column)
            break;
        if (column->state == FieldState::Value && column->values.size() == 1) {
            digits += column->values.front();
            anyMarked = true;
        } else if (column->state == FieldState::Nothing) {
            digits += "?";
        } else {
            digits += "?";
            anyMarked = true;
        }
    }
    if (!anyMarked)
        return std::nullopt;
    return digits;
}

} // namespace scanstation::core
