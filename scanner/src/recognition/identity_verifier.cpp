#include "scanstation/scanner/identity_verifier.hpp"

#include "scanstation/core/card_identity.hpp"

namespace scanstation::scanner {
namespace {

IdentityReading toReading(const core::IdentityCheck& check) {
    IdentityReading r;
    r.parsed = check.status != core::IdentityStatus::Malformed && check.identity.has_value();
    r.signatureValid = check.valid();
    r.problem = check.problem;
    if (!check.identity)
        return r;
    const core::CardIdentity& id = *check.identity;
    r.serial = id.serial;
    r.templateId = id.templateId;
    r.templateVersion = id.templateVersion;
    r.fields.emplace_back("school", id.school);
    if (id.lesson) {
        r.fields.emplace_back("class", id.lesson->classOrGroup);
        r.fields.emplace_back("date", id.lesson->date.toString());
        r.fields.emplace_back("lesson", std::to_string(id.lesson->lessonNumber));
        r.fields.emplace_back("subject", id.lesson->subject);
        r.fields.emplace_back("teacher", id.lesson->teacher);
    }
    r.fields.emplace_back("roster_version", std::to_string(id.rosterVersion));
    if (check.status != core::IdentityStatus::Valid)
        r.fields.emplace_back("verification", core::toString(check.status));
    return r;
}

} // namespace

IdentityVerifier stationIdentityVerifier(const core::StationKey& key, const std::string& school) {
    return [key, school](const std::string& payload) {
        return toReading(core::verifyIdentityPayload(payload, key, school));
    };
}

IdentityVerifier stationIdentityVerifier(const core::CardKeyRing& ring, const std::string& school, core::TimePoint now) {
    return [ring, school, now](const std::string& payload) {
        return toReading(core::verifyIdentityPayload(payload, ring, school, now));
    };
}

} // namespace scanstation::scanner
