#pragma once
// The identity printed on every card as a QR code, and its verification.
//
// Payload (ASCII, fields separated by '|', format in card-templates/README.md "Identity code"):
//   lesson card: SS1|L|serial|template|tversion|school|class|YYYYMMDD|lesson|subject|teacher|roster|MAC
//   outage card: SS1|O|serial|template|tversion|school|roster|MAC
// MAC = the first 10 bytes of HMAC-SHA256(station key, everything before "|MAC"), in RFC 4648
// base32 without padding (16 characters). Text fields are percent-encoded ('%', '|', and
// bytes outside printable ASCII) so any identifier fits.
//
// Parsing never throws: a malformed payload is a value (`problem`), since payloads come from
// paper and may be damaged, foreign or forged.
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/clock.hpp"
#include "scanstation/core/date.hpp"
#include "scanstation/core/station_key.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scanstation::core {

inline constexpr std::size_t kIdentityMacBytes = 10;

struct LessonIdentity {
    std::string classOrGroup; // SchoolClass::code or ClassGroup::code, e.g. "2b"
    Date date;
    int lessonNumber = 0;     // 0..15
    std::string subject;      // Subject::code
    std::string teacher;      // Teacher::sourcedId

    bool operator==(const LessonIdentity&) const = default;
};

struct CardIdentity {
    std::string serial;       // 8 decimal digits, as the card registry assigns
    std::string templateId;   // e.g. "attendance-a4-v1"
    int templateVersion = 1;
    std::string school;       // School::sourcedId
    std::optional<LessonIdentity> lesson; // none for an outage card
    std::int64_t rosterVersion = 0;       // the roster the rows were printed from

    bool operator==(const CardIdentity&) const = default;
};

// Signs and encodes. Throws Error{BadInput} naming the field when a value is out of range
// (serial not 8 digits, empty school, lesson number outside 0..15, ...).
std::string encodeIdentityPayload(const CardIdentity& identity, const StationKey& key);

struct ParsedIdentity {
    std::optional<CardIdentity> identity; // set when the payload has the identity format
    std::string problem;                  // why not, when not
    std::string signedText;               // the part the MAC covers
    std::string mac;                      // the MAC as printed (base32)
};

ParsedIdentity parseIdentityPayload(std::string_view payload);

enum class IdentityStatus {
    Valid,
    Malformed,    // not a ScanStation identity at all, or damaged
    OtherSchool,  // well formed, but for another school
    BadSignature, // well formed, but the MAC does not verify: forged, altered, or another station's key
    RetiredKey,   // signed with a card key whose grace period after rotation has ended
};

// "valid", "malformed", "other_school", "bad_signature", "retired_key"
std::string toString(IdentityStatus status);

struct IdentityCheck {
    IdentityStatus status = IdentityStatus::Malformed;
    std::optional<CardIdentity> identity; // as parsed (also when not valid, for the message)
    std::string problem;                  // empty when valid
    int keyId = 0;                        // the ring's key that signed it (ring verification)

    bool valid() const { return status == IdentityStatus::Valid; }
};

// Parses and verifies a payload against this station's key and school (School::sourcedId).
// Never throws.
IdentityCheck verifyIdentityPayload(std::string_view payload, const StationKey& key, const std::string& school);

// The same against the station's card key ring (card_keys.hpp): the current key, then retired
// ones. A card signed with a retired key is valid until that key's grace period ends at `now`,
// then RetiredKey with a problem naming the key and the dates. Never throws.
IdentityCheck verifyIdentityPayload(std::string_view payload, const CardKeyRing& ring, const std::string& school,
                                    TimePoint now);

} // namespace scanstation::core
