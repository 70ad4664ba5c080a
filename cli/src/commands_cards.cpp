// scanstation cards print: lesson cards (one slot, or a class's lessons over dates) or outage cards.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/card_printer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {
namespace {

struct PrintCommandOptions {
    std::vector<std::int64_t> slotIds;
    std::string classCode;
    std::string from;
    std::string to;
    int lessonNumber = -1; // -1: every lesson of the day(s)
    int outage = 0;
    std::string templateId;
    std::string templateDir;
    std::string format = "pdf";
    double dpi = 200;
    std::string outDir;
    bool json = false;
};

core::Date dateOption(const std::string& text, const char* name) {
    const auto d = core::Date::parse(text);
    if (!d || text.size() != 10)
        throw Error(ErrorKind::BadInput, std::string(name) + ": bad date '" + text + "' (expected YYYY-MM-DD)");
    return *d;
}

std::vector<core::LessonSlot> selectedSlots(core::Store& store, const PrintCommandOptions& o) {
    if (!o.slotIds.empty()) {
        std::vector<core::LessonSlot> slots;
        const core::Timetable timetable(store);
        for (const auto id : o.slotIds) {
            auto slot = timetable.slot(id);
            if (!slot)
                throw Error(ErrorKind::NotFound, "no lesson slot " + std::to_string(id) + " (see `scanstation timetable show`)");
            slots.push_back(*slot);
        }
        return slots;
    }
    if (o.classCode.empty() || o.from.empty())
        throw Error(ErrorKind::BadInput, "say what to print: --slot ID, --class CODE --from DATE [--to DATE], or --outage N");
    const core::Date from = dateOption(o.from, "--from");
    const core::Date to = o.to.empty() ? from : dateOption(o.to, "--to");
    auto slots = templates::lessonsOf(store, o.classCode, from, to);
    if (o.lessonNumber >= 0)
        std::erase_if(slots, [&](const auto& s) { return s.lessonNumber != o.lessonNumber; });
    if (slots.empty())
        throw Error(ErrorKind::NotFound, "no lessons of " + o.classCode + " from " + from.toString() + " to " + to.toString());
    return slots;
}

void printReport(const CliContext& ctx, const PrintCommandOptions& o, const templates::PrintJob& job) {
    if (ctx.json || o.json) {
        nlohmann::json cards = nlohmann::json::array();
        for (const auto& c : job.cards)
            cards.push_back({{"serial", c.card.serial}, {"template", c.card.templateId},
                             {"lessonSlot", c.card.lessonSlotId ? nlohmann::json(*c.card.lessonSlotId) : nlohmann::json()},
                             {"rosterVersion", c.card.rosterVersion}, {"pupils", c.pupilRows}, {"file", c.file.string()}});
        std::cout << nlohmann::json{{"cards", cards}}.dump(2) << "\n";
        return;
    }
    for (const auto& c : job.cards)
        std::cout << c.card.serial << "\t" << c.card.templateId << "\t"
                  << (c.card.lessonSlotId ? "slot " + std::to_string(*c.card.lessonSlotId) : std::string("outage"))
                  << "\troster v" << c.card.rosterVersion << "\t" << c.pupilRows << " pupils\n";
    for (const auto& f : job.files)
        std::cout << "wrote " << f.string() << "\n";
}

void printCards(const CliContext& ctx, const PrintCommandOptions& o) {
    if (o.format != "pdf" && o.format != "png")
        throw Error(ErrorKind::BadInput, "--format " + o.format + ": expected pdf or png");
    const std::filesystem::path dir = o.templateDir.empty() ? templates::shippedTemplateDir() : std::filesystem::path(o.templateDir);
    const std::string id = !o.templateId.empty() ? o.templateId : o.outage > 0 ? "outage-a4-v1" : "attendance-a4-v1";
    const auto tpl = templates::findTemplate(dir, id);
    templates::PrintOptions options{o.format == "png" ? templates::OutputFormat::Png : templates::OutputFormat::Pdf,
                                    o.dpi, o.outDir};
    core::Store store(ctx.dataDir());
    templates::CardPrinter printer(store, core::stationCardKeys(store, store.keyDir()).current().key);
    if (o.outage > 0) {
        // Outage cards belong to no lesson yet: only roles that may print any card.
        printReport(ctx, o, printer.printOutage(authorizedLogin(store, ctx, core::Action::PrintCards), tpl, o.outage, options));
        return;
    }
    const auto slots = selectedSlots(store, o);
    const auto op = optionalSignedInOperator(store);
    const bool ownLessons = op && op->teacherId && std::all_of(slots.begin(), slots.end(), [&](const auto& slot) {
                                return slot.teacherId == *op->teacherId;
                            });
    const auto actor = authorizedLogin(store, ctx, core::Action::PrintCards, ownLessons);
    const auto job = printer.printLessons(actor, tpl, slots, options);
    printReport(ctx, o, job);
}

} // namespace

void addCardsCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<PrintCommandOptions>();
    auto* cards = app.add_subcommand("cards", "Print cards");
    cards->require_subcommand(1);
    auto* print = cards->add_subcommand("print", "Print lesson cards or outage cards; each card is recorded as issued");
    print->add_option("--slot", opts->slotIds, "Lesson slot id (repeatable; see `timetable show`)");
    print->add_option("--class", opts->classCode, "Class or group code: print its lessons from --from to --to");
    print->add_option("--from", opts->from, "First date, YYYY-MM-DD");
    print->add_option("--to", opts->to, "Last date, YYYY-MM-DD (default: --from)");
    print->add_option("--lesson", opts->lessonNumber, "Only this lesson number of the day (with --class)")
        ->check(CLI::Range(0, 15));
    print->add_option("--outage", opts->outage, "Print N blank outage cards")->check(CLI::Range(1, 500));
    print->add_option("--template", opts->templateId,
                      "Template id (default attendance-a4-v1; outage-a4-v1 with --outage)");
    print->add_option("--template-dir", opts->templateDir, "Template folder (default: the shipped templates)");
    print->add_option("--format", opts->format, "pdf (default) or png");
    print->add_option("--dpi", opts->dpi, "PNG resolution (default 200)")->check(CLI::Range(50.0, 1200.0));
    print->add_option("--out", opts->outDir, "Output folder")->required();
    print->add_flag("--json", opts->json, "JSON report of the issued cards");
    print->callback([&ctx, opts] { printCards(ctx, *opts); });
}

} // namespace scanstation::cli
