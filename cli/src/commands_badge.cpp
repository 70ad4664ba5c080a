// scanstation operator badge LOGIN --out FILE.pdf|png [--revoke]
// An administrator prints an operator's sign-in badge (core's operator_badges.hpp): a new badge
// revokes the previous one. The file holds a credential until it is printed, so it is written
// readable by its owner only.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/badge_printer.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

namespace scanstation::cli {

namespace {

struct BadgeOptions {
    std::string login;
    std::filesystem::path out;
    double dpi = 300;
    bool revoke = false;
};

core::OperatorBadges badgesOf(core::Store& store, const CliContext& ctx) {
    const auto dataDir = ctx.dataDir();
    const auto keyDir = dataDir.keyDir.empty() ? core::KeyStore::defaultDir() : dataDir.keyDir;
    return core::OperatorBadges(store, core::deriveBadgeKey(core::KeyStore(keyDir).dataKey()));
}

void badge(const CliContext& ctx, const BadgeOptions& o) {
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::require(actor.role, core::Action::ManageOperators);
    auto badges = badgesOf(store, ctx);
    if (o.revoke) {
        badges.revoke(actor, o.login);
        std::cout << "the badge of " << o.login << " is revoked; it no longer signs in\n";
        return;
    }
    if (o.out.empty())
        throw Error(ErrorKind::BadInput,
                    "operator badge: give --out FILE.pdf or FILE.png (or --revoke)");
    // The new badge counts only once its file is written: one transaction for both.
    core::Transaction tx(store);
    const auto issued = badges.issue(actor, o.login);
    const auto school = core::Roster(store).school();
    templates::printBadge({school ? school->name : std::string(), issued.op.displayName,
                           core::toString(issued.op.role), issued.op.login, issued.token},
                          o.out, o.dpi);
    std::filesystem::permissions(
        o.out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
        std::filesystem::perm_options::replace);
    tx.commit();
    std::cout << "badge of " << o.login << " written to " << o.out.string()
              << " (readable by you only: print it, then delete the file); any earlier badge of "
              << o.login << " no longer signs in\n";
}

} // namespace

void addBadgeCommands(CLI::App& app, CliContext& ctx) {
    auto* group = app.get_subcommand("operator"); // commands_operator.cpp made it
    auto o = std::make_shared<BadgeOptions>();
    auto* cmd = group->add_subcommand(
        "badge",
        "Print an operator's sign-in badge (administrator); a new badge revokes the previous one");
    cmd->add_option("login", o->login, "The operator's login")->required();
    cmd->add_option("--out", o->out, "The badge file: .pdf, or .png at --dpi");
    cmd->add_option("--dpi", o->dpi, "PNG resolution (default 300)");
    cmd->add_flag("--revoke", o->revoke, "Revoke the operator's badge without issuing a new one");
    cmd->callback([&ctx, o] { badge(ctx, *o); });
}

} // namespace scanstation::cli
