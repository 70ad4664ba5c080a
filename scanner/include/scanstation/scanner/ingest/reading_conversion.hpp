#pragma once
// The scanner's edge of ingestion: a recognition result becomes core's plain CardReading.
// The identity code's lesson (class, date, lesson number) is looked up in the timetable.
#include "scanstation/core/card_reading.hpp"
#include "scanstation/scanner/recognition_result.hpp"

#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::scanner {

core::CardReading toCardReading(core::Store& store, const PageRecognition& recognition, const std::string& source,
                                int pageNumber, const std::string& pageHash);

} // namespace scanstation::scanner
