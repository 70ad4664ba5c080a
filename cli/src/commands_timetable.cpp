// scanstation timetable import|show
#include "command_groups.hpp"
#include "import_report_output.hpp"
#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct TimetableOptions {
    std::string path;
    std::string from;
    std::string to;
};

core::Date parseDateOption(const std::string& text, const char* name) {
    auto d = core::Date::parse(text);
    if (!d || text.size() != 10)
        throw Error(ErrorKind::BadInput, std::string(name) + ": bad date '" + text + "' (expected YYYY-MM-DD)");
    return *d;
}

void showTimetable(const CliContext& ctx, const TimetableOptions& o) {
    const core::Date from = parseDateOption(o.from, "--from");
    const core::Date to = o.to.empty() ? from.plusDays(6) : parseDateOption(o.to, "--to");
    core::Store store(ctx.dataDir());
    const auto slots = core::Timetable(store).between(from, to);
    if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& s : slots)
            list.push_back({{"id", s.id}, {"date", s.date.toString()}, {"lesson", s.lessonNumber},
                            {"class", s.classOrGroupCode}, {"isGroup", s.isGroup}, {"subject", s.subjectCode},
                            {"teacher", s.teacherId}, {"cancelled", s.cancelled}});
        std::cout << list.dump(2) << "\n";
        return;
    }
    for (const auto& s : slots)
        std::cout << s.id << "\t" << s.date.toString() << "\t" << s.lessonNumber << "\t" << s.classOrGroupCode << "\t"
                  << s.subjectCode << "\t" << s.teacherId << (s.cancelled ? "\tcancelled" : "") << "\n";
}

} // namespace

void addTimetableCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<TimetableOptions>();
    auto* timetable = app.add_subcommand("timetable", "Import and list the lesson slots of the timetable");
    timetable->require_subcommand(1);

    auto* imp = timetable->add_subcommand("import", "Import a timetable CSV (all-or-nothing, every bad line is reported)");
    imp->add_option("path", opts->path, "Timetable CSV file")->required();
    imp->callback([&ctx, opts] {
        core::Store store(ctx.dataDir());
        const auto actor = authorizedLogin(store, ctx, core::Action::ImportTimetable);
        printImportReport(ctx, core::importTimetable(store, actor, opts->path));
    });

    auto* show = timetable->add_subcommand("show", "List lesson slots from a date (a week unless --to is given)");
    show->add_option("--from", opts->from, "First date, YYYY-MM-DD")->required();
    show->add_option("--to", opts->to, "Last date, YYYY-MM-DD");
    show->callback([&ctx, opts] { showTimetable(ctx, *opts); });
}

} // namespace scanstation::cli
