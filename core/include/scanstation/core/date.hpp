#pragma once
// A calendar date without time zone (a school day), and conversions to ISO 8601 text.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {

struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    auto operator<=>(const Date&) const = default;

    // "YYYY-MM-DD"; also accepts a full ISO 8601 timestamp and keeps its date part.
    // Returns nothing for anything else, including impossible dates such as 2026-02-30.
    static std::optional<Date> parse(std::string_view text);
    std::string toString() const; // "YYYY-MM-DD"
    int weekday() const;          // ISO: 1 = Monday .. 7 = Sunday
    Date plusDays(int days) const;
};

} // namespace scanstation::core
