#include "demo_stack.hpp"

#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "scanstation/scanner/card_filler.hpp"
#include "scanstation/scanner/png_file.hpp"
#include "scanstation/templates/issued_card.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <algorithm>
#include <optional>

namespace scanstation::cli {
namespace {

using scanner::PenMark;
using scanner::PenStroke;

struct Filling {
    std::vector<PenMark> marks;
    scanner::PageFault fault = scanner::PageFault::None;
    std::string what;
    bool foreignKey = false; // signed by another station: the code does not verify
};

void add(std::vector<PenMark>& to, const std::vector<PenMark>& more) { to.insert(to.end(), more.begin(), more.end()); }

// Row r of a card with `rows` pupils, kept inside the card (rows are 1-based).
int rowOf(int r, int rows) { return 1 + (r - 1) % std::max(rows, 1); }

// The pen marks of the i-th card of the stack (0-based): a scripted mix, so the demo shows
// every outcome. Attendance cards get codes and a topic; grade cards grades and their header.
Filling fillingFor(int i, const core::Card& card, int rows) {
    Filling f;
    if (card.templateId.rfind("grade", 0) == 0) {
        f.marks = {{"header.grade.category", "kartkowka"}, {"header.grade.weight", "2"}, {"header.grade.counts", "yes"}};
        const char* grades[] = {"5", "4+", "3", "6", "2-", "4", "5-", "3+"};
        for (int r = 1; r <= std::min(rows, 8); ++r)
            add(f.marks, scanner::gradeMarks(r, grades[r - 1]));
        f.what = "grade card: 8 grades, a quiz of weight 2";
        return f;
    }
    // Every card: a topic, an absence and a late pupil; the special rows below are apart.
    f.marks = scanner::topicMarks(10 + i);
    f.marks.push_back(scanner::attendanceMark(rowOf(2 + i, rows), "nb"));
    f.marks.push_back(scanner::attendanceMark(rowOf(7 + i, rows), "sp", PenStroke::Tick));
    const int special = rowOf(15, rows);
    switch (i) {
    case 2:
        f.marks.push_back(scanner::attendanceMark(special, "nb"));
        f.marks.push_back(scanner::attendanceMark(special, "u"));
        f.what = "two marks in one row (needs review)";
        break;
    case 3:
        f.marks.push_back(scanner::attendanceMark(special, "sp", PenStroke::Faint));
        f.what = "a faint pencil mark (needs review)";
        break;
    case 4:
        f.marks.push_back(scanner::attendanceMark(special, "nb", PenStroke::Cancelled));
        f.marks.push_back(scanner::attendanceMark(special, "zw"));
        f.what = "nb circled to cancel it, zw marked instead";
        break;
    case 5:
        f.fault = scanner::PageFault::StainedCode;
        f.what = "coffee over the QR code: read through the Code 128 fallback";
        break;
    case 6:
        f.fault = scanner::PageFault::TornCorner;
        f.what = "torn corner: a registration mark is missing (not read as a card)";
        break;
    case 7:
        f.foreignKey = true;
        f.what = "a card printed by another station: its code does not verify (rejected)";
        break;
    default:
        f.marks.push_back(scanner::attendanceMark(rowOf(11 + i, rows), "u", PenStroke::Cross));
        f.what = "clean card: nb, sp (a tick), u (a cross) and a topic";
    }
    return f;
}

// Up to `maxCards` attendance cards in serial order, then the first grade card, if any.
std::vector<core::Card> cardsToFill(core::Store& store, const std::string& classCode, int maxCards) {
    std::vector<core::Card> out;
    std::optional<core::Card> grade;
    const core::Timetable timetable(store);
    for (const auto& c : core::CardRegistry(store).inState(core::CardState::Issued)) {
        if (!c.lessonSlotId)
            continue;
        const auto slot = timetable.slot(*c.lessonSlotId);
        if (!slot || (!classCode.empty() && slot->classOrGroupCode != classCode))
            continue;
        if (c.templateId.rfind("grade", 0) == 0) {
            if (!grade)
                grade = c;
        } else if (static_cast<int>(out.size()) < maxCards) {
            out.push_back(c);
        }
    }
    if (grade)
        out.push_back(*grade);
    return out;
}

} // namespace

std::vector<StackPage> writeDemoStack(core::Store& store, const std::string& classCode, int maxCards, double dpi,
                                      const std::filesystem::path& outDir) {
    const auto cards = cardsToFill(store, classCode, maxCards);
    if (cards.empty())
        throw Error(ErrorKind::NotFound, "no issued, unscanned lesson cards" +
                                             (classCode.empty() ? std::string() : " of " + classCode) + ": print some first");
    std::filesystem::create_directories(outDir);
    const scanner::CardFiller filler(templates::loadTemplateDir(templates::shippedTemplateDir()));
    const auto key = core::stationCardKeys(store, store.keyDir()).current().key;
    core::CardRegistry registry(store);
    std::vector<StackPage> pages;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const auto& card = cards[i];
        const int rows = static_cast<int>(registry.rowsOf(card.serial).size());
        Filling f = fillingFor(static_cast<int>(i), card, rows);
        scanner::FillOptions options;
        options.dpi = dpi;
        options.fault = f.fault;
        options.seed = 1000 + i;
        options.skewDegrees = (i % 2 ? -0.8 : 0.5);
        const auto page = f.foreignKey ? filler.fill(card.templateId,
                                                     templates::issuedCardContent(store, core::StationKey::generate(),
                                                                                  filler.templateById(card.templateId),
                                                                                  card.serial),
                                                     f.marks, options)
                                       : filler.fillIssued(store, key, card.serial, f.marks, options);
        const auto file = outDir / ("scan-" + card.serial + ".png");
        scanner::writePng(page.view(), file);
        pages.push_back({file, card.serial, f.what});
    }
    // The first card fed through the scanner a second time, and a letter in the stack.
    const auto again = outDir / ("scan-z-again-" + cards.front().serial + ".png"); // sorts after the first
    std::filesystem::copy_file(pages.front().file, again, std::filesystem::copy_options::overwrite_existing);
    pages.push_back({again, cards.front().serial, "the same card scanned again (duplicate)"});
    const auto letter = scanner::notACardPage(dpi, 7);
    scanner::writePng(letter.view(), outDir / "scan-letter.png");
    pages.push_back({outDir / "scan-letter.png", "", "a letter that is not a card"});
    return pages;
}

} // namespace scanstation::cli
