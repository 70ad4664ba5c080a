#pragma once
// Internal to core: reading outbox rows (outbox.cpp) and refused records kept for a corrected
// resend (sync_review.cpp) with one mapping.
#include "scanstation/core/outbox.hpp"

namespace scanstation::core {

namespace sql {
class Statement;
}

// The columns readOutboxRecord expects, in this order, from sync_outbox.
inline constexpr const char* kRecordColumns =
    "seq, record_id, card_serial, kind, class_id, lesson_date, lesson_number, pupil_id, value, substitution, "
    "teacher_id, line_item_id, category, weight, counts_in_average, enqueued_at_ms, attempts, batch_sent, supersedes, "
    "register_value";

OutboxRecord readOutboxRecord(const sql::Statement& st);

} // namespace scanstation::core
