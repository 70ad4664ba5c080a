// scanstation demo create-files|init|fill
#include "command_groups.hpp"
#include "demo_stack.hpp"
#include "operator_session.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/card_filler.hpp"
#include "scanstation/scanner/png_file.hpp"
#include "scanstation/templates/template_loader.hpp"

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

struct FillOptions {
    std::string serial;
    std::string out;
    std::vector<std::string> marks; // FIELD=VALUE[:STROKE]
    std::string fault = "none";
    double dpi = 200;
    std::uint64_t seed = 1;
    bool stack = false;
    std::string classCode;
    int maxCards = 12;
};

scanner::PenStroke strokeFrom(const std::string& text) {
    using scanner::PenStroke;
    static const std::pair<const char*, PenStroke> kStrokes[] = {{"filled", PenStroke::Filled}, {"tick", PenStroke::Tick},
                                                                 {"cross", PenStroke::Cross},   {"faint", PenStroke::Faint},
                                                                 {"cancelled", PenStroke::Cancelled}};
    for (const auto& [name, stroke] : kStrokes)
        if (text == name)
            return stroke;
    throw Error(ErrorKind::BadInput, "unknown pen stroke \"" + text + "\" (filled, tick, cross, faint, cancelled)");
}

scanner::PenMark markFrom(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw Error(ErrorKind::BadInput, "--mark \"" + text + "\": expected FIELD=VALUE[:STROKE], e.g. row.03.attendance=nb");
    const auto colon = text.find(':', eq);
    scanner::PenMark m{text.substr(0, eq), text.substr(eq + 1, colon == std::string::npos ? colon : colon - eq - 1)};
    if (colon != std::string::npos)
        m.stroke = strokeFrom(text.substr(colon + 1));
    return m;
}

scanner::PageFault faultFrom(const std::string& text) {
    if (text == "none")
        return scanner::PageFault::None;
    if (text == "torn")
        return scanner::PageFault::TornCorner;
    if (text == "cut")
        return scanner::PageFault::CutOff;
    if (text == "stain")
        return scanner::PageFault::StainedCode;
    throw Error(ErrorKind::BadInput, "unknown page fault \"" + text + "\" (none, torn, cut, stain)");
}

// One issued card filled with the given marks, or the demo's scripted stack.
void fill(const CliContext& ctx, const FillOptions& o) {
    core::Store store(ctx.dataDir());
    if (o.stack) {
        const auto pages = writeDemoStack(store, o.classCode, o.maxCards, o.dpi, o.out);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : pages) {
            out.push_back({{"file", p.file.string()}, {"serial", p.serial}, {"what", p.what}});
            if (!ctx.json)
                std::cout << p.file.string() << "\t" << (p.serial.empty() ? "-" : p.serial) << "\t" << p.what << "\n";
        }
        if (ctx.json)
            std::cout << out.dump(2) << "\n";
        return;
    }
    if (o.serial.empty())
        throw Error(ErrorKind::BadInput, "name a card serial to fill, or --stack");
    std::vector<scanner::PenMark> marks;
    for (const auto& m : o.marks)
        marks.push_back(markFrom(m));
    scanner::FillOptions options;
    options.dpi = o.dpi;
    options.fault = faultFrom(o.fault);
    options.seed = o.seed;
    const scanner::CardFiller filler(templates::loadTemplateDir(templates::shippedTemplateDir()));
    const auto page = filler.fillIssued(store, core::stationCardKeys(store, store.keyDir()).current().key, o.serial, marks, options);
    scanner::writePng(page.view(), o.out);
    if (ctx.json)
        std::cout << nlohmann::json{{"file", o.out}, {"serial", o.serial}, {"marks", marks.size()}}.dump(2) << "\n";
    else
        std::cout << o.out << ": card " << o.serial << " with " << marks.size() << " mark(s)\n";
}

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
    const auto actor = authorizedLogin(store, ctx, core::Action::ConfigureStation);
    const auto report = core::installDemoSchool(store, actor, work, o.extraPupils);
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

    auto f = std::make_shared<FillOptions>();
    auto* fillCmd = demo->add_subcommand("fill", "Draw pen marks on issued cards, as a scanner would deliver them");
    fillCmd->add_option("serial", f->serial, "The issued card to fill (not with --stack)");
    fillCmd->add_option("--out", f->out, "PNG file to write (a folder with --stack)")->required();
    fillCmd->add_option("--mark", f->marks, "FIELD=VALUE[:STROKE], STROKE filled|tick|cross|faint|cancelled");
    fillCmd->add_option("--fault", f->fault, "none|torn|cut|stain: a torn corner, a scan cut off, a stained code");
    fillCmd->add_option("--dpi", f->dpi, "Scan resolution (default 200)");
    fillCmd->add_option("--seed", f->seed, "Pen jitter and scanner noise");
    fillCmd->add_flag("--stack", f->stack, "Write the demo's scripted stack of issued cards into --out");
    fillCmd->add_option("--class", f->classCode, "With --stack: cards of this class or group only");
    fillCmd->add_option("--max", f->maxCards, "With --stack: at most this many cards (default 12)");
    fillCmd->callback([&ctx, f] { fill(ctx, *f); });
}

} // namespace scanstation::cli
