#include "scanstation/core/card_identity.hpp"

#include "identity_codec.hpp"
#include "percent_encoding.hpp"
#include "scanstation/core/error.hpp"
#include "time_util.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace scanstation::core {
namespace {

namespace codec = identity_codec;

constexpr std::string_view kPrefix = "SS1";
constexpr std::string_view kFieldSeparator = "|"; // escaped inside the payload's text fields
constexpr std::size_t kMaxPayload = 600;  // a QR code at level Q holds far more; cards never need it
constexpr std::size_t kMaxTextField = 128; // decoded bytes of school, class, subject, teacher
constexpr std::size_t kMacChars = 16;      // base32 of kIdentityMacBytes

bool allDigits(std::string_view s, std::size_t minLen, std::size_t maxLen) {
    return s.size() >= minLen && s.size() <= maxLen &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

long long toNumber(std::string_view digits) {
    long long v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    return v;
}

bool validDate(const Date& d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 2000 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1)
        return false;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.day <= kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
}

bool validTemplateId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// Problems of an identity's values, shared by encoding (an error) and parsing (a value).
std::string problemOf(const CardIdentity& id) {
    if (!allDigits(id.serial, 8, 8))
        return "serial \"" + id.serial + "\" is not 8 digits";
    if (!validTemplateId(id.templateId))
        return "template id \"" + id.templateId + "\" is not lower-case letters, digits and dashes";
    if (id.templateVersion < 1 || id.templateVersion > 9999)
        return "template version " + std::to_string(id.templateVersion) + " is outside 1..9999";
    if (id.school.empty() || id.school.size() > kMaxTextField)
        return "school is empty or longer than 128 bytes";
    if (id.rosterVersion < 0 || id.rosterVersion > 999999999999LL)
        return "roster version " + std::to_string(id.rosterVersion) + " is out of range";
    if (!id.lesson)
        return "";
    const auto& l = *id.lesson;
    if (l.classOrGroup.empty() || l.classOrGroup.size() > kMaxTextField)
        return "class or group is empty or longer than 128 bytes";
    if (!validDate(l.date))
        return "lesson date is not a valid date in 2000..2999";
    if (l.lessonNumber < 0 || l.lessonNumber > 15)
        return "lesson number " + std::to_string(l.lessonNumber) + " is outside 0..15";
    if (l.subject.empty() || l.subject.size() > kMaxTextField)
        return "subject is empty or longer than 128 bytes";
    if (l.teacher.empty() || l.teacher.size() > kMaxTextField)
        return "teacher is empty or longer than 128 bytes";
    return "";
}

std::string signedTextOf(const CardIdentity& id) {
    std::string s(kPrefix);
    s += id.lesson ? "|L|" : "|O|";
    s += id.serial + "|" + percentEncode(id.templateId, kFieldSeparator) + "|" + std::to_string(id.templateVersion) + "|" +
         percentEncode(id.school, kFieldSeparator) + "|";
    if (const auto& l = id.lesson) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d%02d%02d", l->date.year, l->date.month, l->date.day);
        s += percentEncode(l->classOrGroup, kFieldSeparator) + "|" + date + "|" + std::to_string(l->lessonNumber) + "|" +
             percentEncode(l->subject, kFieldSeparator) + "|" + percentEncode(l->teacher, kFieldSeparator) + "|";
    }
    s += std::to_string(id.rosterVersion);
    return s;
}

std::string macOf(std::string_view signedText, const StationKey& key) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    unsigned char full[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.bytes().data(), key.bytes().size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signedText.data()), signedText.size());
    crypto_auth_hmacsha256_final(&state, full);
    return codec::base32(full, kIdentityMacBytes);
}

struct FieldParser {
    std::string problem;

    std::string text(std::string_view raw, const char* name) {
        auto decoded = percentDecode(raw);
        if (!decoded) {
            fail(std::string(name) + " has a broken %-escape");
            return {};
        }
        return *decoded;
    }
    long long number(std::string_view raw, std::size_t maxDigits, const char* name) {
        if (!allDigits(raw, 1, maxDigits)) {
            fail(std::string(name) + " \"" + std::string(raw.substr(0, 20)) + "\" is not a number");
            return 0;
        }
        return toNumber(raw);
    }
    void fail(std::string why) {
        if (problem.empty())
            problem = std::move(why);
    }
};

ParsedIdentity malformed(std::string why) {
    ParsedIdentity p;
    p.problem = std::move(why);
    return p;
}

} // namespace

std::string encodeIdentityPayload(const CardIdentity& identity, const StationKey& key) {
    if (const auto problem = problemOf(identity); !problem.empty())
        throw Error(ErrorKind::BadInput, "card identity: " + problem);
    const std::string signedText = signedTextOf(identity);
    return signedText + "|" + macOf(signedText, key);
}

ParsedIdentity parseIdentityPayload(std::string_view payload) {
    if (payload.size() > kMaxPayload)
        return malformed("payload of " + std::to_string(payload.size()) + " bytes is longer than any card identity");
    const auto f = codec::split(payload, '|');
    if (f[0] != kPrefix)
        return malformed("not a ScanStation card identity (it does not start with \"SS1|\")");
    const bool lesson = f.size() > 1 && f[1] == "L";
    const bool outage = f.size() > 1 && f[1] == "O";
    if (!lesson && !outage)
        return malformed("unknown card identity type (expected L or O after \"SS1|\")");
    const std::size_t expected = lesson ? 13 : 8;
    if (f.size() != expected)
        return malformed(std::string(lesson ? "lesson" : "outage") + " card identity has " + std::to_string(f.size()) +
                         " fields instead of " + std::to_string(expected));
    FieldParser p;
    CardIdentity id;
    id.serial = std::string(f[2]);
    id.templateId = p.text(f[3], "template id");
    id.templateVersion = static_cast<int>(p.number(f[4], 4, "template version"));
    id.school = p.text(f[5], "school");
    if (lesson) {
        LessonIdentity l;
        l.classOrGroup = p.text(f[6], "class");
        if (allDigits(f[7], 8, 8))
            l.date = {static_cast<int>(toNumber(f[7].substr(0, 4))), static_cast<int>(toNumber(f[7].substr(4, 2))),
                      static_cast<int>(toNumber(f[7].substr(6, 2)))};
        else
            p.fail("date \"" + std::string(f[7].substr(0, 20)) + "\" is not YYYYMMDD");
        l.lessonNumber = static_cast<int>(p.number(f[8], 2, "lesson number"));
        l.subject = p.text(f[9], "subject");
        l.teacher = p.text(f[10], "teacher");
        id.lesson = std::move(l);
    }
    id.rosterVersion = p.number(f[expected - 2], 12, "roster version");
    const std::string_view mac = f[expected - 1];
    if (mac.size() != kMacChars || !std::all_of(mac.begin(), mac.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
        }))
        p.fail("MAC is not 16 base32 characters");
    if (p.problem.empty())
        p.problem = problemOf(id);
    if (!p.problem.empty())
        return malformed(p.problem);
    ParsedIdentity out;
    out.identity = std::move(id);
    out.signedText = std::string(payload.substr(0, payload.size() - mac.size() - 1));
    out.mac = std::string(mac);
    return out;
}

std::string toString(IdentityStatus status) {
    switch (status) {
    case IdentityStatus::Valid: return "valid";
    case IdentityStatus::Malformed: return "malformed";
    case IdentityStatus::OtherSchool: return "other_school";
    case IdentityStatus::BadSignature: return "bad_signature";
    case IdentityStatus::RetiredKey: return "retired_key";
    }
    return "malformed";
}

namespace {

// Parses and checks school and canonical form; the MAC is left to the caller. Returns the
// parsed payload when the MAC is what remains to check.
std::optional<ParsedIdentity> checkAllButMac(std::string_view payload, const std::string& school, IdentityCheck& check) {
    ParsedIdentity parsed = parseIdentityPayload(payload);
    if (!parsed.identity) {
        check.problem = parsed.problem;
        return std::nullopt;
    }
    check.identity = parsed.identity;
    if (parsed.identity->school != school) {
        check.status = IdentityStatus::OtherSchool;
        check.problem = "the card belongs to school \"" + parsed.identity->school + "\", not to this station's school \"" +
                        school + "\"";
        return std::nullopt;
    }
    // Re-encoding must give the same text: one spelling per identity, so no two payloads of
    // one identity both verify.
    if (signedTextOf(*parsed.identity) != parsed.signedText) {
        check.status = IdentityStatus::Malformed;
        check.problem = "the payload is not in canonical form";
        return std::nullopt;
    }
    return parsed;
}

bool macMatches(const ParsedIdentity& parsed, const StationKey& key) {
    const std::string expected = macOf(parsed.signedText, key);
    return sodium_memcmp(expected.data(), parsed.mac.data(), kMacChars) == 0;
}

void badSignature(IdentityCheck& check) {
    check.status = IdentityStatus::BadSignature;
    check.problem = "the code's MAC does not verify: the card was altered, forged or printed by another station";
}

std::string day(TimePoint t) {
    return formatUtc(t).substr(0, 10);
}

} // namespace

IdentityCheck verifyIdentityPayload(std::string_view payload, const StationKey& key, const std::string& school) {
    IdentityCheck check;
    const auto parsed = checkAllButMac(payload, school, check);
    if (!parsed)
        return check;
    try {
        if (!macMatches(*parsed, key)) {
            badSignature(check);
            return check;
        }
    } catch (const Error& e) {
        check.status = IdentityStatus::BadSignature;
        check.problem = e.what();
        return check;
    }
    check.status = IdentityStatus::Valid;
    return check;
}

IdentityCheck verifyIdentityPayload(std::string_view payload, const CardKeyRing& ring, const std::string& school,
                                    TimePoint now) {
    IdentityCheck check;
    const auto parsed = checkAllButMac(payload, school, check);
    if (!parsed)
        return check;
    try {
        const auto& keys = ring.keys();
        for (auto k = keys.rbegin(); k != keys.rend(); ++k) { // current key first
            if (!macMatches(*parsed, k->key))
                continue;
            check.keyId = k->id;
            if (k->graceUntil && now > *k->graceUntil) {
                check.status = IdentityStatus::RetiredKey;
                check.problem = "the card was signed with card key #" + std::to_string(k->id) + ", retired on " +
                                day(k->retired.value_or(*k->graceUntil)) + "; its grace period ended on " +
                                day(*k->graceUntil) + ": print the card again";
                return check;
            }
            check.status = IdentityStatus::Valid;
            return check;
        }
    } catch (const Error& e) {
        check.status = IdentityStatus::BadSignature;
        check.problem = e.what();
        return check;
    }
    badSignature(check);
    return check;
}

} // namespace scanstation::core
