#pragma once
// Keeping only what is needed (DOMAIN.md "Shredding and data minimisation", "Locks and
// deadlines"):
//  - images of shredded cards are removed from the image vault a configurable number of days
//    after the card was shredded (the paper is gone; the register holds the data);
//  - one pupil's data can be exported (an extra copy, audited with its recipient, 000 ch. VI §2);
//  - a pupil can be erased entirely only from 1 to 15 September (000 ch. IV §3; 004 ch. 5 §3e);
//    at any other time the pupil is struck off by the roster instead.
// Dates are judged in UTC on the store's clock.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/operators.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;
class ImageVault;

struct PurgeReport {
    std::vector<std::string> cards;    // serials whose images were removed
    std::vector<std::string> imageIds; // the removed images (page hashes)
};

class DataRetention {
public:
    explicit DataRetention(Store& store) : m_store(store) {}

    // Removes from `vault` the page images of every card shredded at least `keepDays` days ago,
    // auditing each card ("image.purge"). Needs Action::ShredCards. Idempotent.
    PurgeReport purgeShreddedImages(const Operator& actor, ImageVault& vault, int keepDays);

    // All rows about one pupil (the pupils row and every row of a table whose foreign key
    // points at the pupil) as XML like the archive's. Needs Action::ExportPupilData; audited
    // as "pupil.export" naming the recipient, and as a view of the pupil's data.
    std::string exportPupil(const Operator& actor, const std::string& pupilId, const std::string& recipient);

    // Deletes the pupil and every row that points at the pupil. Needs Action::ErasePupilData.
    // Throws Error{Conflict} outside 1-15 September (naming today's date), Error{NotFound}
    // for an unknown pupil. The audit log keeps the fact of the erasure ("pupil.erase").
    void erasePupil(const Operator& actor, const std::string& pupilId, const std::string& reason);

    static bool inErasureWindow(TimePoint t); // 1-15 September, UTC

private:
    Store& m_store;
};

} // namespace scanstation::core
