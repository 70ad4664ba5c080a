#include "import_report_output.hpp"

#include "scanstation/core/error.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

nlohmann::json toJson(const core::ImportReport& r) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : r.problems)
        problems.push_back({{"file", p.file}, {"line", p.line}, {"column", p.column}, {"reason", p.reason}});
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : r.changes)
        changes.push_back({{"kind", core::toString(c.kind)}, {"id", c.subjectId}, {"details", c.details}});
    return {{"source", r.source},   {"format", r.format},       {"ok", r.ok()},         {"changed", r.changed},
            {"rosterVersion", r.rosterVersion}, {"classes", r.classes}, {"groups", r.groups}, {"pupils", r.pupils},
            {"teachers", r.teachers}, {"lessonSlots", r.lessonSlots}, {"problems", problems}, {"changes", changes}};
}

void printHuman(const core::ImportReport& r) {
    if (!r.ok()) {
        std::cerr << r.source << ": " << r.problems.size() << " problem(s); nothing was imported\n";
        for (const auto& p : r.problems)
            std::cerr << "  " << p.file << ":" << p.line << (p.column.empty() ? "" : " [" + p.column + "]") << ": "
                      << p.reason << "\n";
        return;
    }
    std::cout << r.source << " (" << r.format << "): ";
    if (r.format == "timetable-csv")
        std::cout << r.lessonSlots << " lesson slots";
    else
        std::cout << r.classes << " classes, " << r.groups << " groups, " << r.pupils << " active pupils, " << r.teachers
                  << " teachers";
    std::cout << "\n";
    if (!r.changed) {
        std::cout << "unchanged: the store already holds this content (roster version " << r.rosterVersion << ")\n";
        return;
    }
    if (r.format == "timetable-csv") {
        std::cout << "timetable imported\n";
        return;
    }
    std::cout << "roster version " << r.rosterVersion << " with " << r.changes.size() << " change(s)\n";
    std::size_t shown = 0;
    for (const auto& c : r.changes) {
        if (++shown > 20) {
            std::cout << "  ... and " << r.changes.size() - 20 << " more (see `scanstation roster versions " << r.rosterVersion
                      << "`)\n";
            break;
        }
        std::cout << "  " << core::toString(c.kind) << " " << c.subjectId << ": " << c.details << "\n";
    }
}

} // namespace

void printImportReport(const CliContext& ctx, const core::ImportReport& report) {
    if (ctx.json)
        std::cout << toJson(report).dump(2) << "\n";
    else
        printHuman(report);
    if (!report.ok())
        throw Error(ErrorKind::BadInput, std::to_string(report.problems.size()) + " problem(s) in " + report.source +
                                             "; nothing was imported");
}

} // namespace scanstation::cli
