#pragma once
// Paper custody (DOMAIN.md: "all filled cards in a safe place, sorted by day", until their data
// is in the register). Every card that was scanned and not shredded is held; its day is the
// lesson's date (an outage card not yet assigned: the day it was scanned). Each day's stack
// gets a label: date, number of cards, their serials and a code that names exactly that set.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/date.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct HeldCard {
    std::string serial;
    Date day;
    std::string lesson;  // "2026-11-23, lesson 3, 2b, mat" or "outage card, not assigned"
    std::string state;   // the card's life-cycle state
    bool eligible = false; // acknowledged by the register and nothing open in review
    std::string reason;  // why it is held, e.g. "not yet in the register — keep it"
};

struct CustodyDay {
    Date day;
    std::vector<std::string> serials; // held cards of the day, by serial
    int eligible = 0;
    std::string labelCode; // "D20261123-3F9A0C": the day and a hash of the serials
};

struct CustodyLabel {
    Date day;
    std::vector<std::string> serials;
    std::string code;
    std::string school;
    TimePoint printedAt;
    std::string printedBy;
};

class Custody {
public:
    explicit Custody(Store& store) : m_store(store) {}

    // Needs ViewReports (or FileCards). Ordered by day, then serial.
    std::vector<HeldCard> heldCards(const std::string& actor) const;
    std::vector<CustodyDay> days(const std::string& actor) const;

    // Records (and audits) the label for a day's stack as it stands now; needs FileCards.
    CustodyLabel label(const std::string& actor, const Date& day);

    // The code a day's label carries for this set of serials.
    static std::string labelCode(const Date& day, const std::vector<std::string>& serials);

private:
    Store& m_store;
};

} // namespace scanstation::core
