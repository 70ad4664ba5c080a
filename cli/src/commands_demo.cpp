// scanstation demo create-files|init
#include "command_groups.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct DemoOptions {
    std::string dir;
    int extraPupils = 0;
};

void createFiles(const CliContext& ctx, const DemoOptions& o) {
    const auto files = core::writeDemoFiles(core::makeDemoSchool(o.extraPupils), o.dir);
    if (ctx.json) {
        std::cout << nlohmann::json{{"oneroster", files.oneRosterDir.string()}, {"simpleCsv", files.simpleCsv.string()},
                                    {"timetable", files.timetableCsv.string()}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << "OneRoster 1.2 bundle: " << files.oneRosterDir.string() << "\nsimple roster CSV:    "
              << files.simpleCsv.string() << "\ntimetable CSV:        " << files.timetableCsv.string() << "\n";
}

void init(const CliContext& ctx, const DemoOptions& o) {
    core::Store store(ctx.dataDir());
    const auto work = o.dir.empty() ? store.dataDir() / "demo-files" : std::filesystem::path(o.dir);
    const auto report = core::installDemoSchool(store, ctx.actor(), work, o.extraPupils);
    const core::Roster roster(store);
    if (ctx.json) {
        std::cout << nlohmann::json{{"rosterVersion", report.rosterVersion}, {"changed", report.changed},
                                    {"classes", report.classes}, {"groups", report.groups}, {"pupils", report.pupils},
                                    {"teachers", report.teachers}, {"lessonSlots", report.lessonSlots}}
                         .dump(2)
                  << "\n";
        return;
    }
    const auto school = roster.school();
    std::cout << "demo school: " << (school ? school->name : "") << "\n"
              << "roster version " << report.rosterVersion << (report.changed ? "" : " (unchanged)") << ": "
              << report.classes << " classes, " << report.groups << " groups, " << report.pupils << " pupils, "
              << report.teachers << " teachers; " << report.lessonSlots << " lesson slots\n"
              << "files in " << work.string() << "\n";
}

} // namespace

void addDemoCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<DemoOptions>();
    auto* demo = app.add_subcommand("demo", "The built-in demo school (fabricated people)");
    demo->require_subcommand(1);
    auto* files = demo->add_subcommand("create-files", "Write the demo school as OneRoster, simple CSV and timetable files");
    files->add_option("dir", opts->dir, "Folder to write into")->required();
    files->add_option("--extra-pupils", opts->extraPupils, "Add this many pupils (for large-import tests)");
    files->callback([&ctx, opts] { createFiles(ctx, *opts); });
    auto* init = demo->add_subcommand("init", "Import the demo school's roster, timetable and operators into the store");
    init->add_option("--files", opts->dir, "Where to write the demo files (default: DATA/demo-files)");
    init->add_option("--extra-pupils", opts->extraPupils, "Add this many pupils");
    init->callback([&ctx, opts] { cli::init(ctx, *opts); });
}

} // namespace scanstation::cli
