// scanstation roster import|show|versions
#include "command_groups.hpp"
#include "import_report_output.hpp"
#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct RosterOptions {
    std::string path;
    std::string classCode;
    std::int64_t version = 0;
};

nlohmann::json pupilJson(const core::Pupil& p) {
    return {{"id", p.sourcedId}, {"givenName", p.givenName}, {"familyName", p.familyName},
            {"registerNumber", p.registerNumber}, {"status", core::toString(p.status)}};
}

void showRoster(const CliContext& ctx, const RosterOptions& o) {
    core::Store store(ctx.dataDir());
    core::Roster roster(store);
    const auto school = roster.school();
    nlohmann::json classes = nlohmann::json::array();
    int active = 0, struckOff = 0;
    for (const auto& c : roster.classes()) {
        if (!o.classCode.empty() && c.code != o.classCode)
            continue;
        const auto pupils = roster.pupilsOfClass(c.sourcedId, true);
        nlohmann::json list = nlohmann::json::array();
        int classActive = 0;
        for (const auto& p : pupils) {
            list.push_back(pupilJson(p));
            (p.status == core::PupilStatus::Active ? active : struckOff)++;
            classActive += p.status == core::PupilStatus::Active ? 1 : 0;
        }
        classes.push_back({{"code", c.code}, {"title", c.title}, {"classTeacher", c.classTeacherId.value_or("")},
                           {"activePupils", classActive}, {"pupils", list}});
    }
    if (!o.classCode.empty() && classes.empty())
        throw Error(ErrorKind::NotFound, "no class '" + o.classCode + "'");
    if (ctx.json) {
        std::cout << nlohmann::json{{"school", school ? school->name : ""}, {"rosterVersion", roster.currentVersion()},
                                    {"activePupils", active}, {"struckOffPupils", struckOff}, {"classes", classes}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << (school ? school->name : "(no school imported)") << "\nroster version " << roster.currentVersion() << ": "
              << classes.size() << " classes, " << roster.groups().size() << " groups, " << active << " active pupils, "
              << struckOff << " struck off, " << roster.teachers().size() << " teachers\n";
    for (const auto& c : classes) {
        std::cout << "  " << c["code"].get<std::string>() << "  " << c["activePupils"].get<int>() << " pupils\n";
        if (o.classCode.empty())
            continue;
        for (const auto& p : c["pupils"])
            std::cout << "    " << p["registerNumber"].get<int>() << ". " << p["familyName"].get<std::string>() << " "
                      << p["givenName"].get<std::string>()
                      << (p["status"] == "struck_off" ? "  (struck off)" : "") << "\n";
    }
}

void showVersions(const CliContext& ctx, const RosterOptions& o) {
    core::Store store(ctx.dataDir());
    core::Roster roster(store);
    if (o.version > 0) {
        const auto v = roster.version(o.version);
        if (!v)
            throw Error(ErrorKind::NotFound, "no roster version " + std::to_string(o.version));
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& c : v->changes)
            changes.push_back({{"kind", core::toString(c.kind)}, {"id", c.subjectId}, {"details", c.details}});
        if (ctx.json) {
            std::cout << nlohmann::json{{"version", v->number}, {"importedBy", v->importedBy}, {"source", v->source},
                                        {"contentHash", v->contentHash}, {"changes", changes}}
                             .dump(2)
                      << "\n";
            return;
        }
        std::cout << "roster version " << v->number << " from " << v->source << " by " << v->importedBy << "\n";
        for (const auto& c : v->changes)
            std::cout << "  " << core::toString(c.kind) << " " << c.subjectId << ": " << c.details << "\n";
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : roster.versions())
        list.push_back({{"version", v.number}, {"importedBy", v.importedBy}, {"source", v.source}, {"contentHash", v.contentHash}});
    if (ctx.json) {
        std::cout << list.dump(2) << "\n";
        return;
    }
    for (const auto& v : list)
        std::cout << v["version"].get<std::int64_t>() << "  " << v["source"].get<std::string>() << "  by "
                  << v["importedBy"].get<std::string>() << "\n";
}

} // namespace

void addRosterCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<RosterOptions>();
    auto* roster = app.add_subcommand("roster", "Import and inspect the school's roster");
    roster->require_subcommand(1);

    auto* imp = roster->add_subcommand("import", "Import a roster: simple CSV, or a OneRoster 1.1/1.2 bundle (folder or .zip); "
                                                 "all-or-nothing, every bad line is reported");
    imp->add_option("path", opts->path, "CSV file, OneRoster folder or .zip")->required();
    imp->callback([&ctx, opts] {
        core::Store store(ctx.dataDir());
        const auto actor = authorizedLogin(store, ctx, core::Action::ImportRoster);
        printImportReport(ctx, core::importRoster(store, actor, opts->path));
    });

    auto* check = roster->add_subcommand("check", "Validate a roster file without importing it");
    check->add_option("path", opts->path, "CSV file, OneRoster folder or .zip")->required();
    check->callback([&ctx, opts] {
        auto parsed = core::parseRoster(opts->path);
        core::ImportReport report;
        report.source = opts->path;
        report.format = parsed.format;
        report.problems = parsed.problems;
        report.classes = static_cast<int>(parsed.snapshot.classes.size());
        report.groups = static_cast<int>(parsed.snapshot.groups.size());
        report.teachers = static_cast<int>(parsed.snapshot.teachers.size());
        for (const auto& p : parsed.snapshot.pupils)
            report.pupils += p.status == core::PupilStatus::Active ? 1 : 0;
        if (report.ok() && !ctx.json) {
            std::cout << opts->path << " (" << report.format << "): valid; " << report.classes << " classes, "
                      << report.groups << " groups, " << report.pupils << " active pupils, " << report.teachers
                      << " teachers\n";
            return;
        }
        printImportReport(ctx, report);
    });

    auto* show = roster->add_subcommand("show", "Summary of the current roster, or one class's pupils");
    show->add_option("--class", opts->classCode, "Class code, e.g. 2b: list its pupils");
    show->callback([&ctx, opts] { showRoster(ctx, *opts); });

    auto* versions = roster->add_subcommand("versions", "List roster versions, or the changes of one");
    versions->add_option("version", opts->version, "Version number to show in detail");
    versions->callback([&ctx, opts] { showVersions(ctx, *opts); });
}

} // namespace scanstation::cli
