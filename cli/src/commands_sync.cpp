// scanstation sync [--once] [--no-pull] | sync status | sync review | sync pull-roster | sync pull-timetable
// Delivers the outbox to the register (scanstation::sync) and tells people where things stand.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/outbox.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/sync/oneroster_json.hpp"
#include "scanstation/sync/roster_pull.hpp"
#include "scanstation/sync/sync_status.hpp"
#include "scanstation/sync/sync_worker.hpp"
#include "scanstation/sync/timetable_pull.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

namespace scanstation::cli {

namespace {

struct SyncCliOptions {
    std::string url;
    std::string client; // ID:SECRET
    bool allowHttp = false;
    std::string caFile, clientCert, clientKey;
    bool once = false;
    bool noPull = false;
    int batchSize = 200;
    int budgetSeconds = 120;
    int idleSeconds = 15;
};

std::string envOr(const char* name, const std::string& given) {
    if (!given.empty()) return given;
    const char* value = std::getenv(name);
    return value ? value : "";
}

sync::RegisterEndpoint endpointOf(const SyncCliOptions& o) {
    sync::RegisterEndpoint e;
    e.baseUrl = envOr("SCANSTATION_REGISTER_URL", o.url);
    if (e.baseUrl.empty())
        throw Error(ErrorKind::BadInput, "no register given: use --register URL or set SCANSTATION_REGISTER_URL");
    const std::string client = envOr("SCANSTATION_REGISTER_CLIENT", o.client);
    if (!client.empty()) {
        const auto colon = client.find(':');
        if (colon == std::string::npos)
            throw Error(ErrorKind::BadInput, "--client expects ID:SECRET (or SCANSTATION_REGISTER_CLIENT)");
        e.clientId = client.substr(0, colon);
        e.clientSecret = client.substr(colon + 1);
    }
    e.allowPlainHttp = o.allowHttp;
    e.caFile = o.caFile;
    e.clientCertFile = o.clientCert;
    e.clientKeyFile = o.clientKey;
    return e;
}

sync::SyncWorker* g_worker = nullptr;
void stopWorker(int) {
    if (g_worker) g_worker->requestStop();
}

void printRun(const CliContext& ctx, const sync::SyncRunReport& r, int waiting) {
    if (ctx.json) {
        std::cout << nlohmann::json{{"batchesSent", r.batchesSent}, {"acknowledged", r.acknowledged},
                                    {"toReview", r.toReview}, {"retries", r.retries}, {"replays", r.replays},
                                    {"waiting", waiting}, {"lastError", r.lastError},
                                    {"elapsedMs", r.elapsed.count()}}
                         .dump()
                  << "\n";
        return;
    }
    std::cout << "sync: " << r.acknowledged << " record(s) acknowledged, " << r.toReview
              << " refused (for review), " << r.retries << " failed send(s) retried, " << waiting
              << " still waiting\n";
    if (!r.lastError.empty()) std::cout << "last error: " << r.lastError << "\n";
}

void printTimetablePull(const sync::TimetablePullReport& r) {
    if (!r.complete) {
        std::cout << r.plainWords << "\n";
        for (const auto& problem : r.problems) std::cout << "  problem: " << problem << "\n";
        return;
    }
    std::cout << "timetable: " << r.added << " lesson(s) added, " << r.updated << " changed, " << r.removed
              << " removed, " << r.cancelled << " cancelled (" << r.received << " received)\n";
}

// Before delivering: the register's roster changes into the mirror (imported as a roster version
// only by `sync pull-roster`, a person's step) and its timetable into the station's timetable.
// A failed pull is reported and delivery goes on: the outbox matters more.
void pullFromRegister(const CliContext& ctx, core::Store& store, sync::RegisterClient& client) {
    const auto roster = sync::pullRoster(store, client);
    int changed = 0;
    for (const auto& [resource, count] : roster.changed) changed += count;
    // Audited as the unattended "sync" job, like deliveries: the service runs with nobody signed in.
    const auto timetable = roster.complete ? sync::pullTimetable(store, client, "sync") : sync::TimetablePullReport{};
    if (ctx.json) return; // the run's JSON line stays the only output
    if (!roster.complete) std::cout << "roster pull stopped: " << roster.plainWords << "\n";
    else if (changed > 0)
        std::cout << "roster: " << changed << " record(s) changed in the register; import them with "
                  << "`scanstation sync pull-roster`\n";
    if (roster.complete) printTimetablePull(timetable);
}

// The sync timer (hardware/systemd) runs with nobody signed in: delivering and pulling is then
// the station's own unattended job, recorded as "sync" (as `watch` receives pages as
// "station"). A person who starts a run at the station must be allowed to.
std::string syncRunActor(core::Store& store, const CliContext& ctx) {
    if (!optionalSignedInOperator(store))
        return "sync";
    return authorizedLogin(store, ctx, core::Action::RunSync);
}

void runSync(const CliContext& ctx, const SyncCliOptions& o) {
    core::Store store(ctx.dataDir());
    const auto endpoint = endpointOf(o);
    // Who started the run; what it delivers and pulls is then audited as the "sync" job.
    const auto actor = syncRunActor(store, ctx);
    sync::RegisterClient client(endpoint);
    core::AuditLog(store).append(actor, "sync.run", "register:" + endpoint.baseUrl,
                                 std::string(o.once ? "one run" : "continuous runs") +
                                     (o.noPull ? ", delivery only" : ", pull and delivery"));
    if (!o.noPull) pullFromRegister(ctx, store, client);
    sync::SyncOptions options;
    options.batchSize = o.batchSize;
    options.runBudget = std::chrono::seconds(o.budgetSeconds);
    sync::SyncWorker worker(store, client, options);
    g_worker = &worker;
    std::signal(SIGINT, stopWorker);
    std::signal(SIGTERM, stopWorker);
    for (bool stop = false; !stop;) {
        const auto report = worker.runOnce();
        const int waiting = core::Outbox(store).status().waiting;
        printRun(ctx, report, waiting);
        stop = o.once || report.stopped;
        if (!stop && report.outboxEmpty)
            for (int i = 0; i < o.idleSeconds * 10 && !report.stopped; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (o.once && waiting > 0)
            throw Error(ErrorKind::Infrastructure, std::to_string(waiting) + " record(s) are still waiting for the register" +
                                                       (report.lastError.empty() ? "" : ": " + report.lastError));
    }
    g_worker = nullptr;
}

void printStatus(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto s = core::Outbox(store).status();
    if (!ctx.json) {
        std::cout << sync::describeStatus(s, std::chrono::system_clock::now());
        return;
    }
    const auto ms = [](const std::optional<core::TimePoint>& t) {
        return t ? nlohmann::json(std::chrono::duration_cast<std::chrono::milliseconds>(t->time_since_epoch()).count())
                 : nlohmann::json(nullptr);
    };
    std::cout << nlohmann::json{{"allDelivered", s.waiting == 0 && s.inReview == 0}, {"waiting", s.waiting},
                                {"oldestWaitingMs", ms(s.oldestWaiting)}, {"inReview", s.inReview},
                                {"acknowledged", s.acknowledged}, {"online", s.link.online},
                                {"sinceMs", ms(s.link.since)}, {"lastError", s.link.lastError},
                                {"retries", s.link.retries}}
                     .dump()
              << "\n";
}

void printReview(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto items = core::Outbox(store).reviewItems();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& i : items) {
        if (ctx.json) {
            list.push_back({{"recordId", i.recordId}, {"reviewItem", i.reviewItemId}, {"card", i.cardSerial},
                            {"verdict", i.kind}, {"reason", i.reason},
                            {"message", i.message}, {"registerValue", i.currentValue}, {"sentValue", i.sentValue}});
            continue;
        }
        std::cout << "card " << i.cardSerial << "  " << i.recordId << "  " << i.kind << " (" << i.reason << "): "
                  << i.message << "; sent '" << i.sentValue << "'"
                  << (i.currentValue.empty() ? "" : ", register holds '" + i.currentValue + "'")
                  << (i.reviewItemId > 0 ? "  [review item " + std::to_string(i.reviewItemId) + "]" : "") << "\n";
    }
    if (!ctx.json && !items.empty())
        std::cout << "Decide in the review queue: scanstation review resolve ITEM --value V (resend corrected) | "
                     "--as-read (keep the register's answer), or scanstation review reject CARD.\n";
    if (ctx.json) std::cout << list.dump(2) << "\n";
    else if (items.empty()) std::cout << "The register refused nothing.\n";
}

void addConnectionOptions(CLI::App* cmd, SyncCliOptions& o) {
    cmd->add_option("--register", o.url, "Register base URL (else $SCANSTATION_REGISTER_URL)");
    cmd->add_option("--client", o.client, "OAuth 2 client ID:SECRET (else $SCANSTATION_REGISTER_CLIENT)");
    cmd->add_flag("--allow-http", o.allowHttp, "Allow plain http, to a loopback register only");
    cmd->add_option("--ca-file", o.caFile, "CA bundle that signs the register's certificate");
    cmd->add_option("--client-cert", o.clientCert, "Client certificate (PEM) for mutual TLS");
    cmd->add_option("--client-key", o.clientKey, "Client key (PEM) for mutual TLS");
}

} // namespace

void addSyncCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<SyncCliOptions>();
    auto* syncCmd = app.add_subcommand("sync", "Deliver accepted records to the register; status of the delivery");
    addConnectionOptions(syncCmd, *o);
    syncCmd->add_flag("--once", o->once, "Send until the outbox is empty or the budget is spent, then exit "
                                         "(non-zero when records still wait)");
    syncCmd->add_flag("--no-pull", o->noPull, "Do not pull the roster and the timetable before delivering");
    syncCmd->add_option("--batch-size", o->batchSize, "Records per batch")->check(CLI::Range(1, 1000));
    syncCmd->add_option("--budget", o->budgetSeconds, "Seconds one run keeps retrying before it stops")
        ->check(CLI::Range(1, 86400));
    syncCmd->callback([&ctx, o, syncCmd] {
        if (syncCmd->get_subcommands().empty()) runSync(ctx, *o);
    });
    syncCmd->add_subcommand("status", "Online or offline, records waiting, oldest age, last error")
        ->callback([&ctx] { printStatus(ctx); });
    syncCmd->add_subcommand("review", "Records the register refused, with its reasons")
        ->callback([&ctx] { printReview(ctx); });
    syncCmd->add_subcommand("seed-register", "Load this station's roster into a reference register on loopback "
                                             "(trial and demo)")
        ->callback([&ctx, o] {
            core::Store store(ctx.dataDir());
            const auto endpoint = endpointOf(*o);
            const auto actor = authorizedLogin(store, ctx, core::Action::ConfigureStation);
            sync::RegisterClient client(endpoint);
            const std::string problem =
                client.seedReferenceRegister(sync::oneRosterJson(core::Roster(store).snapshot()));
            if (!problem.empty()) throw Error(ErrorKind::Infrastructure, "seeding the register failed: " + problem);
            core::AuditLog(store).append(actor, "sync.register_seeded", "register:" + endpoint.baseUrl,
                                         "the station's roster was loaded into a reference register");
            std::cout << "the register now knows this station's roster\n";
        });
    syncCmd->add_subcommand("pull-timetable", "Pull the timetable (lesson slots) incrementally from the register")
        ->callback([&ctx, o] {
            core::Store store(ctx.dataDir());
            const auto actor = authorizedLogin(store, ctx, core::Action::ImportTimetable);
            sync::RegisterClient client(endpointOf(*o));
            const auto report = sync::pullTimetable(store, client, actor);
            printTimetablePull(report);
            if (!report.complete) throw Error(ErrorKind::Infrastructure, report.plainWords);
        });
    auto* pull = syncCmd->add_subcommand("pull-roster", "Pull the roster incrementally from the register and import it as a roster version");
    pull->callback([&ctx, o] {
        core::Store store(ctx.dataDir());
        const auto actor = authorizedLogin(store, ctx, core::Action::ImportRoster);
        sync::RegisterClient client(endpointOf(*o));
        const auto report = sync::pullRoster(store, client);
        for (const auto& [resource, count] : report.changed) std::cout << resource << ": " << count << " new or changed\n";
        if (!report.complete) throw Error(ErrorKind::Infrastructure, "roster pull stopped: " + report.plainWords);
        const auto imported = sync::importPulledRoster(store, actor);
        for (const auto& problem : imported.problems) std::cout << "problem: " << problem << "\n";
        if (!imported.imported) throw Error(ErrorKind::BadInput, "the pulled roster was not imported (problems above)");
        std::cout << (imported.changed ? "new roster version " : "roster unchanged, version ")
                  << imported.rosterVersion << "\n";
    });
}

} // namespace scanstation::cli
