#pragma once
// Printing cards: each card is issued in the store's card registry (serial, template, lesson
// slot, the roster version its rows come from), signed with the station key and drawn. One
// print job is one transaction: either every card is recorded and its file written, or none.
//
// Rows: row i of a lesson card is the i-th active pupil of the class (by register number) or
// of the group (by class code, then register number) in the roster version recorded with the
// card; struck-off pupils are not printed. Outage cards print register numbers 1..40.
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/date.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/timetable.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::templates {

enum class OutputFormat { Pdf, Png };

struct PrintOptions {
    OutputFormat format = OutputFormat::Pdf;
    double dpi = 200;                // PNG only
    std::filesystem::path outDir;    // created when missing
};

struct PrintedCard {
    core::Card card;                 // as issued: serial, roster version, lesson slot
    std::filesystem::path file;      // the PDF (shared by the job's cards) or this card's PNG
    int pupilRows = 0;               // rows with a pupil printed on them
};

struct PrintJob {
    std::vector<PrintedCard> cards;
    std::vector<std::filesystem::path> files;
};

class CardPrinter {
public:
    CardPrinter(core::Store& store, core::StationKey key) : m_store(store), m_key(key) {}

    // One card per slot, in order. Error{BadInput} for an outage template, Error{Conflict} for
    // a class or group with more active pupils than the template has rows, or no school in
    // the roster; Error{NotFound} for a slot whose class or group the roster does not know.
    PrintJob printLessons(const std::string& actor, const core::CardTemplate& tpl,
                          const std::vector<core::LessonSlot>& slots, const PrintOptions& options);

    // `count` blank outage cards (1..500). Error{BadInput} unless tpl.kind is "outage".
    PrintJob printOutage(const std::string& actor, const core::CardTemplate& tpl, int count,
                         const PrintOptions& options);

private:
    core::Store& m_store;
    core::StationKey m_key;
};

// The lessons of a class or group (its code) from `first` to `last` inclusive, in timetable
// order, without cancelled slots.
std::vector<core::LessonSlot> lessonsOf(core::Store& store, const std::string& classOrGroupCode,
                                        const core::Date& first, const core::Date& last);

} // namespace scanstation::templates
