#pragma once
// Shredding (DOMAIN.md: every card scanned AND uploaded is shredded; never one whose data the
// register has not confirmed). A card is eligible when the register acknowledged its data and
// nothing of it is open in review. The operator confirms each card as it goes into the
// shredder by its identity code or serial, or a whole day's stack at once; a card that is not
// eligible is refused with the reason and nothing happens to it. Each shredding is logged
// (serial, operator, time, witness) and audited.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/custody.hpp"
#include "scanstation/core/date.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct ShredResult {
    bool accepted = false;
    std::string serial;  // as understood from the code; empty when the code named no card
    std::string message; // "shredded", or the refusal: "not yet in the register — keep it"
};

struct ShredRecord {
    std::string serial;
    Date day;            // the card's custody day
    std::string lesson;
    std::string operatorLogin;
    TimePoint at;
    std::string method;  // "card" or "day"
    std::string witness;
};

// Turns what a code reader typed into a card serial (e.g. the identity code's payload);
// nothing when it is not a card code. The default accepts an 8-digit serial.
using CodeToSerial = std::function<std::optional<std::string>(const std::string& code)>;

class ShreddingDesk {
public:
    explicit ShreddingDesk(Store& store, CodeToSerial codeToSerial = {});

    std::vector<HeldCard> eligible(const std::string& actor) const;

    // Needs ShredCards. A refusal is a value (accepted = false), never half-done.
    ShredResult confirmCard(const std::string& actor, const std::string& code, const std::string& witness = "");

    // All held cards of the day, all or nothing: when any is not eligible, none is shredded and
    // every refusal is returned.
    std::vector<ShredResult> confirmDay(const std::string& actor, const Date& day, const std::string& witness = "");

    // Cards shredded on `date` (UTC day of the shredding), for the protocol. Needs ViewReports.
    std::vector<ShredRecord> shreddedOn(const std::string& actor, const Date& date) const;

private:
    Store& m_store;
    CodeToSerial m_codeToSerial;
};

} // namespace scanstation::core
