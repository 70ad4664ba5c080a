#pragma once
// Records the register refused are items of the one review queue (review_queue.hpp), next to
// ingestion's findings, held for an administrator. An item's code is kRegisterRejected or
// kRegisterConflict and its field is the refused record's id (e.g. "c00000042-att-P0007").
// How ReviewQueue settles them (each decision audited with who and why):
//  - resolve with a value: the corrected value is sent again as a NEW record
//    "<id>:r<n>" that names the record it supersedes and the register value the person decided
//    over (sync/openapi.yaml, Supersedes). The register applies it to the same entry (never a
//    second one) and answers conflict again if its value changed meanwhile.
//  - resolve "as read" (no value): the register's answer stands: its value is kept (conflict)
//    or the refused record is withdrawn (rejected); nothing is sent.
//  - reject the card: every open refusal of the card is withdrawn and the card is rejected,
//    waiting for a corrected rescan (whose records carry the card's ids again: the register
//    recognises what it already holds).
// When a card's last refusal is settled it moves needs_review -> accepted -> queued, and on to
// acknowledged (eligible for custody and shredding) once none of its records waits.
#include <string>

namespace scanstation::core {

inline constexpr const char* kRegisterRejected = "register_rejected";
inline constexpr const char* kRegisterConflict = "register_conflict";

bool isRegisterRefusal(const std::string& reviewCode);

// "c00000042-att-P0007" -> "c00000042-att-P0007:r1"; "...:r1" -> "...:r2".
std::string nextRevisionId(const std::string& recordId);
// The id of the first record of a revision chain: "c00000042-grade-P0007:r2" -> "c00000042-grade-P0007".
std::string baseRecordId(const std::string& recordId);

} // namespace scanstation::core
