// scanstation template list | template show ID [--json]
#include "command_groups.hpp"
#include "scanstation/templates/template_json.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace scanstation::cli {
namespace {

struct TemplateOptions {
    std::string id;
    std::string dir; // empty: the shipped templates
    bool json = false;
};

std::filesystem::path templateDir(const TemplateOptions& o) {
    return o.dir.empty() ? templates::shippedTemplateDir() : std::filesystem::path(o.dir);
}

const char* kindName(core::FieldKind kind) {
    switch (kind) {
    case core::FieldKind::SingleChoice: return "single_choice";
    case core::FieldKind::MultipleChoice: return "multiple_choice";
    case core::FieldKind::DigitColumn: return "digit_column";
    }
    return "?";
}

void listTemplates(const CliContext& ctx, const TemplateOptions& o) {
    const auto all = templates::loadTemplateDir(templateDir(o));
    if (ctx.json || o.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& t : all)
            list.push_back({{"id", t.id}, {"version", t.version}, {"kind", t.kind}, {"title", t.title},
                            {"rows", t.rowCount}, {"fields", t.fields.size()}});
        std::cout << list.dump(2) << "\n";
        return;
    }
    for (const auto& t : all)
        std::cout << t.id << "\tv" << t.version << "\t" << t.kind << "\t" << t.rowCount << " rows\t" << t.title << "\n";
}

void showTemplate(const CliContext& ctx, const TemplateOptions& o) {
    const auto t = templates::findTemplate(templateDir(o), o.id);
    if (ctx.json || o.json) {
        std::cout << templates::describeTemplateJson(t) << "\n";
        return;
    }
    std::cout << t.id << " v" << t.version << " (" << t.kind << "): " << t.title << "\n"
              << "page " << t.pageWidthMm << " x " << t.pageHeightMm << " mm, " << t.rowCount << " pupil rows, "
              << t.fields.size() << " fields\n";
    for (const auto& f : t.fields) {
        if (f.row && *f.row > 0)
            continue; // rows repeat: show the first one
        std::cout << "  " << f.id << "\t" << kindName(f.kind) << "\t";
        for (const auto& opt : f.options)
            std::cout << opt.value << " ";
        std::cout << "\t" << f.label << "\n";
    }
    std::cout << "  (row fields repeat for rows 01.." << t.rowCount << "; --json lists every bubble in mm)\n";
}

} // namespace

void addTemplateCommands(CLI::App& app, CliContext& ctx) {
    auto opts = std::make_shared<TemplateOptions>();
    auto* group = app.add_subcommand("template", "List and describe the card templates");
    group->require_subcommand(1);
    group->add_option("--dir", opts->dir, "Template folder (default: the shipped templates, or $SCANSTATION_TEMPLATE_DIR)");

    auto* list = group->add_subcommand("list", "List the card templates");
    list->add_flag("--json", opts->json, "JSON output");
    list->callback([&ctx, opts] { listTemplates(ctx, *opts); });

    auto* show = group->add_subcommand("show", "Describe a template: every field and every bubble (mm)");
    show->add_option("id", opts->id, "Template id, e.g. attendance-a4-v1")->required();
    show->add_flag("--json", opts->json, "The stable JSON description (card-templates/README.md)");
    show->callback([&ctx, opts] { showTemplate(ctx, *opts); });
}

} // namespace scanstation::cli
