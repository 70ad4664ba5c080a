#pragma once
// Paper that goes with the cards, drawn with the same cairo and DejaVu Sans as the cards:
//  - custody labels: one A4 page per day's stack (date, number of cards, their serials and
//    the label's code, also as a QR code a handheld reader can scan);
//  - the shredding protocol (protokół zniszczenia dokumentów): school, date, operator, the
//    cards' serials with their lessons, the security level, and lines for signatures.
#include "scanstation/core/custody.hpp"
#include "scanstation/core/date.hpp"
#include "scanstation/core/shredding.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::templates {

// Throws Error{BadInput} for no labels, Error{Infrastructure} when the file cannot be written.
void printCustodyLabels(const std::vector<core::CustodyLabel>& labels, const std::filesystem::path& file);

struct ShreddingProtocol {
    std::string school;
    core::Date date;
    std::string operatorName;
    std::string witness;                      // may be empty
    std::string securityLevel = "DIN 66399 P-4";
    std::vector<core::ShredRecord> cards;     // continued on further pages when long
};

void printShreddingProtocol(const ShreddingProtocol& protocol, const std::filesystem::path& file);

} // namespace scanstation::templates
