// `scanstation custody [--label DAY --out FILE]`: which cards of which days are held and why,
// and the label for a day's stack.
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "scanstation/core/custody.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/report_printer.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct CustodyOptions {
    std::vector<std::string> labelDays;
    std::string out;
};

void report(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    core::Custody custody(store);
    const auto actor = actingLogin(store, ctx);
    const auto days = custody.days(actor);
    const auto cards = custody.heldCards(actor);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& d : days) {
            nlohmann::json held = nlohmann::json::array();
            for (const auto& c : cards)
                if (c.day == d.day)
                    held.push_back({{"serial", c.serial}, {"lesson", c.lesson}, {"state", c.state},
                                    {"eligible", c.eligible}, {"reason", c.reason}});
            out.push_back({{"day", d.day.toString()}, {"labelCode", d.labelCode}, {"cards", held},
                           {"eligible", d.eligible}});
        }
        std::cout << nlohmann::json{{"days", out}}.dump(2) << "\n";
        return;
    }
    for (const auto& d : days) {
        std::cout << d.day.toString() << "  " << d.serials.size() << " card(s), " << d.eligible
                  << " may be shredded, label " << d.labelCode << "\n";
        for (const auto& c : cards)
            if (c.day == d.day)
                std::cout << "  " << c.serial << "  " << c.lesson << "  [" << c.state << "] " << c.reason << "\n";
    }
    if (days.empty())
        std::cout << "no cards are held\n";
}

void labels(const CliContext& ctx, const CustodyOptions& o) {
    if (o.out.empty())
        throw Error(ErrorKind::BadInput, "--label needs --out FILE.pdf");
    core::Store store(ctx.dataDir());
    core::Custody custody(store);
    const auto actor = actingLogin(store, ctx);
    std::vector<core::CustodyLabel> printed;
    for (const auto& day : o.labelDays) {
        const auto d = core::Date::parse(day);
        if (!d)
            throw Error(ErrorKind::BadInput, "--label " + day + ": expected YYYY-MM-DD");
        printed.push_back(custody.label(actor, *d));
    }
    templates::printCustodyLabels(printed, o.out);
    for (const auto& l : printed)
        std::cout << "label " << l.code << ": " << l.day.toString() << ", " << l.serials.size() << " card(s)\n";
    std::cout << "wrote " << o.out << "\n";
}

} // namespace

void addCustodyCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<CustodyOptions>();
    auto* cmd = app.add_subcommand("custody", "Cards held on paper, by day, and why; --label prints day labels");
    cmd->add_option("--label", o->labelDays, "Print the label of this day's stack (repeatable), YYYY-MM-DD");
    cmd->add_option("--out", o->out, "PDF file for the labels");
    cmd->callback([&ctx, o] { o->labelDays.empty() ? report(ctx) : labels(ctx, *o); });
}

} // namespace scanstation::cli
