// Schema version 6: the pupils printed on each issued card, row by row (issue #3). Before this,
// a row meant "the i-th active pupil at the card's roster version"; now printing stores the
// list in the transaction that issues the card, and validation maps rows through it. Cards
// issued before this migration have no stored rows: validation keeps the old mapping for them.
#include "migrations/migration.hpp"

namespace scanstation::core::migrations {

extern const Migration kMigration0006_card_rows{"0006_card_rows", R"sql(
CREATE TABLE card_rows (
    serial TEXT NOT NULL REFERENCES cards(serial),
    row_number INTEGER NOT NULL CHECK (row_number >= 1), -- 1-based: row.01 is row 1
    pupil_id TEXT NOT NULL,                                -- pupils.sourced_id printed on that row
    register_number INTEGER NOT NULL,                      -- as printed beside the row
    PRIMARY KEY (serial, row_number)
);
)sql"};

} // namespace scanstation::core::migrations
