// Schema version 8: where the card lay on its page, as recognition found it, kept with each
// reading so that a screen can draw what was read exactly where it is on the stored page
// (a skewed, turned or scaled scan included). The homography maps card millimetres (from the
// card's top-left corner as printed) to pixels of the stored original (from its top-left
// pixel), row-major h11..h33; frame_rotation is how the card was turned on the page (0, 90,
// 180, 270 degrees clockwise). All NULL when recognition found no card frame.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0008_card_frame{"0008_card_frame", R"sql(
ALTER TABLE card_readings ADD COLUMN frame_h11 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h12 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h13 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h21 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h22 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h23 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h31 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h32 REAL;
ALTER TABLE card_readings ADD COLUMN frame_h33 REAL;
ALTER TABLE card_readings ADD COLUMN frame_rotation INTEGER
    CHECK (frame_rotation IS NULL OR frame_rotation IN (0, 90, 180, 270));
)sql"};

} // namespace scanstation::core::migrations
