// `scanstation review list|show|resolve|reject` and `review lock|unlock` (classification
// council locks): the review queue of issue 5. Permissions are checked by core.
#include "ingest_cli_support.hpp"
#include "ingestion_commands.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/period_locks.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/ingest/page_image_store.hpp"
#include "scanstation/scanner/review_crops.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

struct ReviewOptions {
    std::string serial;
    bool all = false;
    std::int64_t item = 0;
    std::string value;
    bool asRead = false;
    bool nothing = false;
    std::string why;
    std::string classCode, from, to, orderedBy;
    std::int64_t lockId = 0;
    std::string cropDir; // review show --crops DIR
    std::string keyDir;  // review show --keys DIR
};

std::string lessonText(const std::optional<core::LessonSlot>& s) {
    return s ? s->date.toString() + " lesson " + std::to_string(s->lessonNumber) + " " + s->classOrGroupCode + " " +
                   s->subjectCode
             : "-";
}

nlohmann::json itemJson(const core::ReviewItem& i) {
    nlohmann::json j{{"id", i.id},           {"serial", i.serial},   {"field", i.fieldId},
                     {"code", i.code},       {"message", i.message}, {"administratorOnly", i.administratorOnly},
                     {"state", core::toString(i.state)},             {"lesson", lessonText(i.lesson)},
                     {"source", i.source},   {"pageHash", i.pageHash}};
    if (i.field)
        j["measured"] = {{"state", core::toString(i.field->state)}, {"value", i.field->joined()},
                         {"reason", i.field->reason}, {"confidence", i.field->confidence}};
    if (i.state != core::ReviewState::Open)
        j["decision"] = {{"value", i.chosenValue ? nlohmann::json(*i.chosenValue) : nlohmann::json()},
                         {"by", i.decidedBy.value_or("")}, {"why", i.decidedWhy}};
    return j;
}

void printItem(const core::ReviewItem& i) {
    std::cout << i.id << "\t" << (i.serial.empty() ? "-" : i.serial) << "\t" << core::toString(i.state) << "\t"
              << i.code << (i.fieldId.empty() ? "" : " " + i.fieldId) << (i.administratorOnly ? " [administrator]" : "")
              << "\t" << i.message;
    if (i.field)
        std::cout << " | read: " << core::toString(i.field->state) << " '" << i.field->joined() << "' confidence "
                  << i.field->confidence;
    if (i.state != core::ReviewState::Open)
        std::cout << " | " << (i.chosenValue ? "value '" + *i.chosenValue + "'" : std::string("as read")) << " by "
                  << i.decidedBy.value_or("?") << ": " << i.decidedWhy;
    std::cout << "\n";
}

void list(const CliContext& ctx, const ReviewOptions& o) {
    core::Store store(ctx.dataDir());
    core::ReviewFilter filter;
    filter.openOnly = !o.all;
    if (!o.serial.empty())
        filter.serial = o.serial;
    const auto items = core::ReviewQueue(store).list(actingLogin(store, ctx), filter);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& i : items)
            out.push_back(itemJson(i));
        std::cout << out.dump(2) << "\n";
        return;
    }
    for (const auto& i : items)
        printItem(i);
    std::cout << items.size() << " item(s)\n";
}

// The fields a person must look at: every flagged field and every field a review item names.
std::vector<std::string> fieldsToCrop(const core::CardReview& view) {
    std::vector<std::string> ids;
    const auto add = [&](const std::string& id) {
        if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    for (const auto& i : view.items)
        add(i.fieldId);
    for (const auto& f : view.reading.fields)
        if (f.state == core::FieldState::Flagged)
            add(f.fieldId);
    return ids;
}

struct WrittenCrops {
    std::vector<std::pair<std::string, std::filesystem::path>> files; // field id, PNG
    std::string problem;
};

// Cuts the crops from the stored original through the transform recognised on it.
WrittenCrops writeReviewCrops(core::Store& store, const core::CardReview& view, const ReviewOptions& o) {
    WrittenCrops out;
    if (!view.reading.card) {
        out.problem = "the page names no card template";
        return out;
    }
    const scanner::PageImageStore images(store); // the store's own key directory
    const auto tpl = templates::findTemplate(templates::shippedTemplateDir(), view.reading.card->templateId);
    const auto crops = scanner::cropStoredPage(images, view.reading.pageHash, tpl, fieldsToCrop(view));
    const auto files = scanner::writeCrops(crops.crops, o.cropDir, view.serial + "-");
    for (std::size_t i = 0; i < files.size(); ++i)
        out.files.emplace_back(crops.crops[i].fieldId, files[i]);
    out.problem = crops.problem;
    return out;
}

// What recognition measured for each bubble of a flagged field (darkness 0 = paper, 1 = ink).
void printBubbles(const nlohmann::json& measured, const std::string& fieldId) {
    if (!measured.is_object() || !measured.contains("fields") || !measured["fields"].contains(fieldId))
        return;
    const auto& field = measured["fields"][fieldId];
    if (!field.contains("bubbles"))
        return;
    std::cout << "    bubbles:";
    for (const auto& b : field["bubbles"])
        std::cout << " " << b.value("value", "?") << " " << b.value("state", "?") << " (fill "
                  << b.value("fill", 0.0) << ", coverage " << b.value("coverage", 0.0) << ")";
    std::cout << "\n";
}

nlohmann::json cropsJson(const WrittenCrops& crops) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [field, file] : crops.files)
        list.push_back({{"field", field}, {"file", file.string()}});
    nlohmann::json out{{"files", list}};
    if (!crops.problem.empty())
        out["problem"] = crops.problem;
    return out;
}

void show(const CliContext& ctx, const ReviewOptions& o) {
    // One key directory for the store and the originals its crops are cut from.
    auto dir = ctx.dataDir();
    if (!o.keyDir.empty())
        dir.keyDir = o.keyDir;
    core::Store store(dir);
    const auto view = core::ReviewQueue(store).show(actingLogin(store, ctx), o.serial);
    const WrittenCrops crops = o.cropDir.empty() ? WrittenCrops{} : writeReviewCrops(store, view, o);
    if (ctx.json) {
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : view.reading.fields)
            fields.push_back({{"id", f.fieldId}, {"state", core::toString(f.state)}, {"value", f.joined()},
                              {"reason", f.reason}, {"confidence", f.confidence}});
        nlohmann::json items = nlohmann::json::array();
        for (const auto& i : view.items)
            items.push_back(itemJson(i));
        std::cout << nlohmann::json{{"serial", view.serial},   {"state", view.state},
                                    {"lesson", lessonText(view.lesson)}, {"reading", view.readingId},
                                    {"source", view.reading.source},     {"fields", fields},
                                    {"items", items},                    {"measurements", view.reading.measurements},
                                    {"crops", cropsJson(crops)}}
                         .dump(2)
                  << "\n";
        return;
    }
    std::cout << "card " << view.serial << " (" << view.state << "), " << lessonText(view.lesson) << ", page "
              << view.reading.source << "#" << view.reading.pageNumber << "\n";
    const auto measured = nlohmann::json::parse(view.reading.measurements, nullptr, false);
    for (const auto& f : view.reading.fields) {
        if (f.state == core::FieldState::Nothing)
            continue;
        std::cout << "  " << f.fieldId << "\t" << core::toString(f.state) << "\t" << f.joined()
                  << (f.reason.empty() ? "" : "\t" + f.reason) << "\n";
        if (f.state == core::FieldState::Flagged)
            printBubbles(measured, f.fieldId);
    }
    for (const auto& i : view.items)
        printItem(i);
    for (const auto& [field, file] : crops.files)
        std::cout << "  crop " << field << "\t" << file.string() << "\n";
    if (!crops.problem.empty())
        std::cout << "  no crops: " << crops.problem << "\n";
}

void resolve(const CliContext& ctx, const ReviewOptions& o) {
    if (int(!o.value.empty()) + int(o.asRead) + int(o.nothing) != 1)
        throw Error(ErrorKind::BadInput, "resolve needs exactly one of --value V, --nothing, --as-read");
    core::Store store(ctx.dataDir());
    const std::optional<std::string> value = o.asRead ? std::nullopt : std::optional<std::string>(o.nothing ? "" : o.value);
    const auto out = core::ReviewQueue(store).resolve(actingLogin(store, ctx), o.item, value, o.why);
    if (ctx.json) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& f : out.newFindings)
            findings.push_back({{"code", f.code}, {"field", f.fieldId}, {"message", f.message}});
        std::cout << nlohmann::json{{"serial", out.serial}, {"openItemsLeft", out.openItemsLeft},
                                    {"cardState", out.cardState}, {"newFindings", findings}}
                         .dump()
                  << "\n";
        return;
    }
    if (out.serial.empty())
        std::cout << "item " << o.item << " resolved (the page names no card of this station)\n";
    else
        std::cout << "item " << o.item << " resolved; card " << out.serial << " is " << out.cardState << ", "
                  << out.openItemsLeft << " item(s) open\n";
    for (const auto& f : out.newFindings)
        std::cout << "  new: " << f.code << " " << f.fieldId << ": " << f.message << "\n";
}

void reject(const CliContext& ctx, const ReviewOptions& o) {
    core::Store store(ctx.dataDir());
    core::ReviewQueue(store).reject(actingLogin(store, ctx), o.serial, o.why);
    std::cout << "card " << o.serial << " rejected: " << o.why << "\n";
}

core::Date dateOption(const std::string& text, const std::string& name) {
    const auto d = core::Date::parse(text);
    if (!d)
        throw Error(ErrorKind::BadInput, name + " " + text + ": expected YYYY-MM-DD");
    return *d;
}

void lock(const CliContext& ctx, const ReviewOptions& o) {
    core::Store store(ctx.dataDir());
    const auto l = core::PeriodLocks(store).lock(actingLogin(store, ctx), o.classCode, dateOption(o.from, "--from"),
                                                 dateOption(o.to.empty() ? o.from : o.to, "--to"), o.why);
    std::cout << "lock " << l.id << ": " << l.classCode << " " << l.first.toString() << ".." << l.last.toString() << "\n";
}

void unlock(const CliContext& ctx, const ReviewOptions& o) {
    core::Store store(ctx.dataDir());
    const auto l = core::PeriodLocks(store).unlock(actingLogin(store, ctx), o.lockId, o.orderedBy, o.why);
    std::cout << "lock " << l.id << " unlocked on the order of " << l.unlockOrderedBy.value_or("") << "\n";
}

} // namespace

void addReviewCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ReviewOptions>();
    auto* group = app.add_subcommand("review", "The review queue: flagged fields and failed checks of cards");
    group->require_subcommand(1);
    auto* listCmd = group->add_subcommand("list", "Open review items (--all: also settled ones)");
    listCmd->add_option("--card", o->serial, "Only this card's items");
    listCmd->add_flag("--all", o->all, "Include resolved, rejected and superseded items");
    listCmd->callback([&ctx, o] { list(ctx, *o); });
    auto* showCmd = group->add_subcommand("show", "A card: what was read, measured, and its review items");
    showCmd->add_option("serial", o->serial, "Card serial")->required();
    showCmd->add_option("--crops", o->cropDir, "Write PNG crops of the flagged rows and fields into this folder");
    showCmd->add_option("--keys", o->keyDir, "Key directory (else $SCANSTATION_KEYS, else ~/.config/scanstation/keys)");
    showCmd->callback([&ctx, o] { show(ctx, *o); });
    auto* resolveCmd = group->add_subcommand("resolve", "Settle one item: the value chosen, and why");
    resolveCmd->add_option("item", o->item, "Review item id")->required();
    resolveCmd->add_option("--value", o->value, "The value chosen (for an outage card: the lesson slot id)");
    resolveCmd->add_flag("--nothing", o->nothing, "Nothing was marked");
    resolveCmd->add_flag("--as-read", o->asRead, "The reading is right as it is");
    resolveCmd->add_option("--why", o->why, "Why (recorded)")->required();
    resolveCmd->callback([&ctx, o] { resolve(ctx, *o); });
    auto* rejectCmd = group->add_subcommand("reject", "Reject a card; it waits for a corrected rescan");
    rejectCmd->add_option("serial", o->serial, "Card serial")->required();
    rejectCmd->add_option("--why", o->why, "Why (recorded)")->required();
    rejectCmd->callback([&ctx, o] { reject(ctx, *o); });
    auto* lockCmd = group->add_subcommand("lock", "Lock a class's grades and attendance (classification council)");
    lockCmd->add_option("class", o->classCode, "Class code")->required();
    lockCmd->add_option("--from", o->from, "First date")->required();
    lockCmd->add_option("--to", o->to, "Last date (default --from)");
    lockCmd->add_option("--why", o->why, "Reason");
    lockCmd->callback([&ctx, o] { lock(ctx, *o); });
    auto* unlockCmd = group->add_subcommand("unlock", "Unlock a period on the director's order");
    unlockCmd->add_option("lock", o->lockId, "Lock id")->required();
    unlockCmd->add_option("--ordered-by", o->orderedBy, "Who ordered the unlock")->required();
    unlockCmd->add_option("--why", o->why, "Reason");
    unlockCmd->callback([&ctx, o] { unlock(ctx, *o); });
}

} // namespace scanstation::cli
