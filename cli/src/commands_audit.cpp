// scanstation audit verify|list
#include "command_groups.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct AuditOptions {
    std::int64_t after = 0;
    std::string actor;
    std::string action;
    std::string subject;
    int limit = 100;
};

std::string isoTime(core::TimePoint t) {
    const auto secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void verify(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto result = core::AuditLog(store).verify();
    if (ctx.json) {
        nlohmann::json j{{"ok", result.ok}, {"entriesChecked", result.entriesChecked}, {"problem", result.problem}};
        j["firstBadSeq"] = result.firstBadSeq ? nlohmann::json(*result.firstBadSeq) : nlohmann::json(nullptr);
        std::cout << j.dump(2) << "\n";
    } else if (result.ok)
        std::cout << "audit chain intact: " << result.entriesChecked << " entries\n";
    if (!result.ok)
        throw Error(ErrorKind::Integrity, result.problem);
}

void list(const CliContext& ctx, const AuditOptions& o) {
    core::Store store(ctx.dataDir());
    core::AuditQuery q;
    if (o.after > 0)
        q.afterSeq = o.after;
    if (!o.actor.empty())
        q.actor = o.actor;
    if (!o.action.empty())
        q.actionPrefix = o.action;
    if (!o.subject.empty())
        q.subject = o.subject;
    q.limit = o.limit;
    const auto entries = core::AuditLog(store).list(q);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : entries)
            out.push_back({{"seq", e.seq}, {"at", isoTime(e.at)}, {"actor", e.actor}, {"action", e.action},
                           {"subject", e.subject}, {"details", e.details}, {"hash", e.hash}});
        std::cout << out.dump(2) << "\n";
        return;
    }
    for (const auto& e : entries)
        std::cout << e.seq << "  " << isoTime(e.at) << "  " << e.actor << "  " << e.action << "  " << e.subject
                  << (e.details.empty() ? "" : "  " + e.details) << "\n";
}

} // namespace

void addAuditCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<AuditOptions>();
    auto* audit = app.add_subcommand("audit", "The hash-chained audit log");
    audit->require_subcommand(1);
    audit->add_subcommand("verify", "Check the whole chain; names the first entry changed, removed or inserted (exit 7)")
        ->callback([&ctx] { verify(ctx); });
    auto* ls = audit->add_subcommand("list", "List audit entries, oldest first");
    ls->add_option("--after", opts->after, "Only entries after this sequence number");
    ls->add_option("--actor", opts->actor, "Only entries by this operator");
    ls->add_option("--action", opts->action, "Only actions starting with this, e.g. roster. or card.");
    ls->add_option("--subject", opts->subject, "Only entries about this subject, e.g. card:00000042");
    ls->add_option("--limit", opts->limit, "At most this many entries")->capture_default_str();
    ls->callback([&ctx, opts] { list(ctx, *opts); });
}

} // namespace scanstation::cli
