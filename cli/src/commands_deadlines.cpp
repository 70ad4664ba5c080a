// `scanstation deadlines [--today DATE]`: lessons on cards not in the register by the next
// school day, and issued cards never scanned.
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "scanstation/core/deadlines.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

nlohmann::json lateJson(const core::LateCard& c) {
    return {{"serial", c.serial},     {"date", c.lesson.date.toString()}, {"lesson", c.lesson.lessonNumber},
            {"class", c.lesson.classOrGroupCode}, {"subject", c.lesson.subjectCode},
            {"teacher", c.lesson.teacherId},      {"state", c.state}, {"due", c.due.toString()}, {"reason", c.reason}};
}

void run(const CliContext& ctx, const std::string& todayText) {
    std::string text = todayText;
    if (text.empty()) {
        const std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[16];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        text = buf;
    }
    const auto today = core::Date::parse(text);
    if (!today)
        throw Error(ErrorKind::BadInput, "--today " + text + ": expected YYYY-MM-DD");
    core::Store store(ctx.dataDir());
    const auto r = core::deadlineReport(store, actingLogin(store, ctx), *today);
    if (ctx.json) {
        nlohmann::json late = nlohmann::json::array(), never = nlohmann::json::array();
        for (const auto& c : r.notInRegister)
            late.push_back(lateJson(c));
        for (const auto& c : r.neverScanned)
            never.push_back(lateJson(c));
        std::cout << nlohmann::json{{"today", today->toString()}, {"notInRegister", late}, {"neverScanned", never}}.dump(2)
                  << "\n";
        return;
    }
    std::cout << "not in the register by the next school day: " << r.notInRegister.size() << "\n";
    for (const auto& c : r.notInRegister)
        std::cout << "  " << c.serial << "  " << c.lesson.date.toString() << " lesson " << c.lesson.lessonNumber << " "
                  << c.lesson.classOrGroupCode << " " << c.lesson.subjectCode << " (" << c.lesson.teacherId
                  << "): " << c.reason << "\n";
    std::cout << "issued but never scanned: " << r.neverScanned.size() << "\n";
    for (const auto& c : r.neverScanned)
        std::cout << "  " << c.serial << "  " << c.lesson.date.toString() << " lesson " << c.lesson.lessonNumber << " "
                  << c.lesson.classOrGroupCode << " " << c.lesson.subjectCode << " (" << c.lesson.teacherId
                  << "): " << c.reason << "\n";
}

} // namespace

void addDeadlineCommands(CLI::App& app, CliContext& ctx) {
    auto today = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("deadlines", "Cards late for the register (next-day rule) and cards never scanned");
    cmd->add_option("--today", *today, "Report as of this day (default today, UTC)");
    cmd->callback([&ctx, today] { run(ctx, *today); });
}

} // namespace scanstation::cli
