// `scanstation shred`: cards eligible for shredding; `--confirm CODE|-` confirms cards going
// into the shredder (codes from a handheld reader on stdin, one per line); `--day DATE` a whole
// day's stack; `shred report [--date D] --out FILE` writes the shredding protocol PDF.
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/shredding.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/report_printer.hpp"

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct ShredOptions {
    std::vector<std::string> confirm;
    std::string day;
    std::string witness;
    std::string date;
    std::string out;
};

// A handheld reader types the card's identity code (its QR payload) or the printed serial.
core::CodeToSerial identityCodeToSerial() {
    return [](const std::string& code) -> std::optional<std::string> {
        const auto parsed = core::parseIdentityPayload(code);
        if (parsed.identity)
            return parsed.identity->serial;
        return std::nullopt;
    };
}

void printResult(const CliContext& ctx, const core::ShredResult& r) {
    if (ctx.json)
        std::cout << nlohmann::json{{"accepted", r.accepted}, {"serial", r.serial}, {"message", r.message}}.dump()
                  << std::endl;
    else
        std::cout << (r.accepted ? "SHREDDED  " : "REFUSED   ") << r.message << std::endl;
    if (!r.accepted)
        std::cerr << "\a"; // loud: the operator must take this card out
}

int confirm(const CliContext& ctx, const ShredOptions& o) {
    core::Store store(ctx.dataDir());
    core::ShreddingDesk desk(store, identityCodeToSerial());
    const auto actor = actingLogin(store, ctx);
    int refused = 0;
    const auto one = [&](const std::string& code) {
        if (code.find_first_not_of(" \t\r\n") == std::string::npos)
            return;
        const auto r = desk.confirmCard(actor, code, o.witness);
        refused += r.accepted ? 0 : 1;
        printResult(ctx, r);
    };
    for (const auto& code : o.confirm) {
        if (code != "-") {
            one(code);
            continue;
        }
        for (std::string line; std::getline(std::cin, line);)
            one(line);
    }
    return refused;
}

int day(const CliContext& ctx, const ShredOptions& o) {
    const auto d = core::Date::parse(o.day);
    if (!d)
        throw Error(ErrorKind::BadInput, "--day " + o.day + ": expected YYYY-MM-DD");
    core::Store store(ctx.dataDir());
    int refused = 0;
    for (const auto& r : core::ShreddingDesk(store).confirmDay(actingLogin(store, ctx), *d, o.witness)) {
        refused += r.accepted ? 0 : 1;
        printResult(ctx, r);
    }
    return refused;
}

void list(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto cards = core::ShreddingDesk(store).eligible(actingLogin(store, ctx));
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : cards)
            out.push_back({{"serial", c.serial}, {"day", c.day.toString()}, {"lesson", c.lesson}});
        std::cout << nlohmann::json{{"eligible", out}}.dump(2) << "\n";
        return;
    }
    for (const auto& c : cards)
        std::cout << c.serial << "  " << c.day.toString() << "  " << c.lesson << "\n";
    std::cout << cards.size() << " card(s) may be shredded\n";
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

void report(const CliContext& ctx, const ShredOptions& o) {
    const auto date = core::Date::parse(o.date.empty() ? today() : o.date);
    if (!date)
        throw Error(ErrorKind::BadInput, "--date " + o.date + ": expected YYYY-MM-DD");
    core::Store store(ctx.dataDir());
    const auto actor = actingLogin(store, ctx);
    templates::ShreddingProtocol p;
    p.date = *date;
    p.cards = core::ShreddingDesk(store).shreddedOn(actor, *date);
    const auto school = core::Roster(store).school();
    p.school = school ? school->name : "";
    const auto op = core::OperatorDirectory(store).find(actor);
    p.operatorName = op ? op->displayName + " (" + actor + ")" : actor;
    for (const auto& c : p.cards)
        if (!c.witness.empty())
            p.witness = c.witness;
    templates::printShreddingProtocol(p, o.out);
    std::cout << "wrote " << o.out << ": " << p.cards.size() << " card(s) shredded on " << date->toString() << "\n";
}

} // namespace

void addShredCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ShredOptions>();
    auto* cmd = app.add_subcommand("shred", "Cards that may be shredded; confirm shredding per card or per day");
    cmd->add_option("--confirm", o->confirm, "Card code or serial going into the shredder; '-' reads codes from stdin");
    cmd->add_option("--day", o->day, "Confirm a whole day's stack (all or nothing)");
    cmd->add_option("--witness", o->witness, "Witness named in the shredding log");
    auto* reportCmd = cmd->add_subcommand("report", "Write the shredding protocol (protokół zniszczenia) as PDF");
    reportCmd->add_option("--date", o->date, "Day of the shredding (default today, UTC)");
    reportCmd->add_option("--out", o->out, "PDF file")->required();
    reportCmd->callback([&ctx, o] { report(ctx, *o); });
    cmd->callback([&ctx, o, reportCmd] {
        if (reportCmd->parsed())
            return;
        int refused = 0;
        if (!o->confirm.empty())
            refused = confirm(ctx, *o);
        else if (!o->day.empty())
            refused = day(ctx, *o);
        else
            list(ctx);
        if (refused > 0)
            throw Error(ErrorKind::Conflict, std::to_string(refused) + " card(s) refused: keep them");
    });
}

} // namespace scanstation::cli
