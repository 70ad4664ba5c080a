#include "scanstation/templates/card_printer.hpp"

#include "lesson_card_content.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/card_renderer.hpp"

#include <algorithm>
#include <functional>

namespace scanstation::templates {
namespace {

struct PendingCard {
    core::Card card;
    CardContent content;
    int pupilRows = 0;
};

void checkOptions(const PrintOptions& options) {
    if (options.outDir.empty())
        throw Error(ErrorKind::BadInput, "no output folder given");
    if (options.format == OutputFormat::Png && !(options.dpi >= 50 && options.dpi <= 1200))
        throw Error(ErrorKind::BadInput, "dpi " + std::to_string(options.dpi) + " is outside 50..1200");
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, options.outDir.string() + ": cannot create the folder: " + ec.message());
}

std::string schoolOf(const core::Roster& roster) {
    const auto school = roster.school();
    if (!school || school->sourcedId.empty())
        throw Error(ErrorKind::Conflict, "the roster names no school: import a roster with its school first");
    return school->sourcedId;
}

// Writes to NAME.part and renames, so a half-written file never carries a final name.
void writeAtomically(const std::filesystem::path& file, const std::function<void(const std::filesystem::path&)>& write) {
    auto part = file;
    part += ".part";
    write(part);
    std::error_code ec;
    std::filesystem::rename(part, file, ec);
    if (ec)
        throw Error(ErrorKind::Infrastructure, file.string() + ": cannot write: " + ec.message());
}

PrintJob writeCards(const core::CardTemplate& tpl, std::vector<PendingCard>& pending, const PrintOptions& options) {
    PrintJob job;
    if (pending.empty())
        return job;
    if (options.format == OutputFormat::Pdf) {
        const std::string first = pending.front().card.serial, last = pending.back().card.serial;
        const auto file = options.outDir / (tpl.id + "-" + first + (first == last ? "" : "-" + last) + ".pdf");
        std::vector<CardContent> pages;
        for (const auto& p : pending)
            pages.push_back(p.content);
        writeAtomically(file, [&](const auto& path) { renderPdf(tpl, pages, path); });
        job.files.push_back(file);
        for (const auto& p : pending)
            job.cards.push_back({p.card, file, p.pupilRows});
        return job;
    }
    for (const auto& p : pending) {
        const auto file = options.outDir / (tpl.id + "-" + p.card.serial + ".png");
        writeAtomically(file, [&](const auto& path) { renderPng(tpl, p.content, options.dpi, path); });
        job.files.push_back(file);
        job.cards.push_back({p.card, file, p.pupilRows});
    }
    return job;
}

} // namespace

PrintJob CardPrinter::printLessons(const std::string& actor, const core::CardTemplate& tpl,
                                   const std::vector<core::LessonSlot>& slots, const PrintOptions& options) {
    if (tpl.kind == "outage")
        throw Error(ErrorKind::BadInput, "template " + tpl.id + " is an outage card: print it with --outage N");
    checkOptions(options);
    // One write transaction: the roster read for the rows is the roster version recorded.
    core::Transaction tx(m_store);
    const core::Roster roster(m_store);
    const std::string school = schoolOf(roster);
    core::CardRegistry registry(m_store);
    std::vector<PendingCard> pending;
    for (const auto& slot : slots) {
        auto data = detail::lessonCardData(roster, tpl, slot);
        // The printed rows are stored with the card (issue #3): validation maps each row to
        // the pupil printed on it, whatever the roster says when the card comes back.
        PendingCard p{registry.issue(actor, {tpl.id, tpl.version, slot.id, ""}, detail::cardRowsOf(data)),
                      std::move(data.content), static_cast<int>(data.pupils.size())};
        detail::signLessonContent(p.content, p.card, tpl, school, slot, m_key);
        pending.push_back(std::move(p));
    }
    PrintJob job = writeCards(tpl, pending, options);
    tx.commit();
    return job;
}

PrintJob CardPrinter::printOutage(const std::string& actor, const core::CardTemplate& tpl, int count,
                                  const PrintOptions& options) {
    if (tpl.kind != "outage")
        throw Error(ErrorKind::BadInput, "template " + tpl.id + " is not an outage card");
    if (count < 1 || count > 500)
        throw Error(ErrorKind::BadInput, "outage card count " + std::to_string(count) + " is outside 1..500");
    checkOptions(options);
    core::Transaction tx(m_store);
    const std::string school = schoolOf(core::Roster(m_store));
    core::CardRegistry registry(m_store);
    std::vector<PendingCard> pending;
    for (int i = 0; i < count; ++i) {
        PendingCard p{registry.issue(actor, {tpl.id, tpl.version, std::nullopt, "outage card"}), {}, 0};
        p.content = detail::outageContent(p.card, tpl, school, m_key);
        pending.push_back(std::move(p));
    }
    PrintJob job = writeCards(tpl, pending, options);
    tx.commit();
    return job;
}

std::vector<core::LessonSlot> lessonsOf(core::Store& store, const std::string& classOrGroupCode, const core::Date& first,
                                        const core::Date& last) {
    auto slots = core::Timetable(store).between(first, last);
    std::erase_if(slots, [&](const auto& s) { return s.classOrGroupCode != classOrGroupCode || s.cancelled; });
    return slots;
}

} // namespace scanstation::templates
