#include "ingest_cli_support.hpp"

#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <nlohmann/json.hpp>

namespace scanstation::cli {

std::string actingLogin(core::Store& store, const CliContext& ctx) {
    if (const auto op = optionalSignedInOperator(store))
        return op->login;
    return ctx.actor();
}

std::unique_ptr<scanner::Recognizer> stationRecognizer(core::Store& store) {
    const auto school = core::Roster(store).school();
    if (!school)
        throw Error(ErrorKind::Conflict, "no school in the roster: import a roster before scanning");
    scanner::RecognizerConfig config;
    config.templates = templates::loadTemplateDir(templates::shippedTemplateDir());
    config.verifyIdentity = scanner::stationIdentityVerifier(core::stationCardKeys(store, store.keyDir()),
                                                             school->sourcedId, store.clock().now());
    return std::make_unique<scanner::Recognizer>(std::move(config));
}

std::string jsonString(const std::string& text) {
    return nlohmann::json(text).dump();
}

} // namespace scanstation::cli
