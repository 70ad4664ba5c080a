// Identity, lesson and recognition checks; the per-row rules live in row_checks.cpp and
// recorded_checks.cpp.
#include "scanstation/core/card_validation.hpp"

#include "ingestion/validation_context.hpp"
#include "scanstation/core/lesson_card_fields.hpp"
#include "scanstation/core/store.hpp"
#include "time_util.hpp"

#include <cstdio>

#include <algorithm>

namespace scanstation::core {

void ValidationContext::add(const std::string& code, const std::string& fieldId, const std::string& message,
                            bool administratorOnly, bool waivable) {
    if (waivable && decisions.waived.count({code, fieldId}))
        return;
    result.findings.push_back(Finding{code, fieldId, message, administratorOnly});
}

CardReading applyDecisions(const CardReading& reading, const ReviewDecisions& decisions) {
    CardReading out = reading;
    for (auto& f : out.fields) {
        const auto chosen = decisions.fieldValues.find(f.fieldId);
        if (chosen == decisions.fieldValues.end())
            continue;
        f.values.clear();
        if (!chosen->second.empty())
            f.values.push_back(chosen->second);
        f.state = chosen->second.empty() ? FieldState::Nothing : FieldState::Value;
        f.reason.clear();
        f.confidence = 1.0;
    }
    return out;
}

namespace {

void reject(ValidationContext& ctx, const std::string& code, const std::string& message) {
    ctx.result.rejected = true;
    ctx.result.findings.push_back(Finding{code, "", message, false});
}

// The identity code must verify and name a card this station issued, as it was issued.
bool checkIdentity(ValidationContext& ctx) {
    const auto& id = ctx.reading.card;
    if (!id || id->serial.empty()) {
        reject(ctx, finding::kNoIdentity, "page " + std::to_string(ctx.reading.pageNumber) + " of " +
                                              ctx.reading.source + ": no readable identity code");
        return false;
    }
    ctx.result.serial = id->serial;
    if (!id->signatureValid) {
        reject(ctx, finding::kSignatureInvalid,
               "card " + id->serial + ": the identity code does not verify with this station's key (a copy "
                                      "or a card of another station)");
        return false;
    }
    ctx.card = CardRegistry(ctx.store).find(id->serial);
    if (!ctx.card) {
        reject(ctx, finding::kUnknownCard, "card " + id->serial + " was never issued by this station");
        return false;
    }
    if (ctx.card->templateId != id->templateId || ctx.card->lessonSlotId != id->lessonSlotId) {
        reject(ctx, finding::kIdentityMismatch,
               "card " + id->serial + ": the code names template " + id->templateId + " and lesson " +
                   (id->lessonSlotId ? std::to_string(*id->lessonSlotId) : "none") +
                   ", but the station issued template " + ctx.card->templateId + " for lesson " +
                   (ctx.card->lessonSlotId ? std::to_string(*ctx.card->lessonSlotId) : "none"));
        return false;
    }
    return true;
}

// The class an outage card's two digits name: a class whose code is these digits, else the
// class at that 1-based position in the roster's classes ordered by code.
std::optional<SchoolClass> classByNumber(Store& store, const std::string& digits) {
    Roster roster(store);
    const int number = std::stoi(digits);
    if (auto exact = roster.classByCode(std::to_string(number)))
        return exact;
    const auto classes = roster.classes();
    if (number < 1 || number > static_cast<int>(classes.size()))
        return std::nullopt;
    return classes[static_cast<std::size_t>(number - 1)];
}

// An outage card carries class, day, month and lesson number in bubbles.
std::optional<LessonSlot> resolveOutage(ValidationContext& ctx, std::string& why) {
    const auto classDigits = digitGroup(ctx.reading, "header.class");
    const auto day = digitGroup(ctx.reading, "header.day");
    const auto month = digitGroup(ctx.reading, "header.month");
    const auto lesson = digitGroup(ctx.reading, "header.lesson");
    if (!classDigits || !day || !month || !lesson) {
        why = "class, day, month and lesson number are not all marked clearly";
        return std::nullopt;
    }
    if (classDigits->find('?') != std::string::npos) {
        why = "the class number " + *classDigits + " has unclear digits";
        return std::nullopt;
    }
    const auto cls = classByNumber(ctx.store, *classDigits);
    if (!cls) {
        why = "no class has the number " + *classDigits;
        return std::nullopt;
    }
    if (day->find('?') != std::string::npos || month->find('?') != std::string::npos ||
        lesson->find('?') != std::string::npos) {
        why = "day " + *day + ", month " + *month + ", lesson " + *lesson + " have unclear digits";
        return std::nullopt;
    }
    const int m = std::stoi(*month), d = std::stoi(*day);
    int year = std::stoi(formatUtc(ctx.store.clock().now()).substr(0, 4));
    if (const auto sy = Roster(ctx.store).schoolYear())
        year = (m >= sy->start.month) ? sy->start.year : sy->end.year;
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, m, d);
    const auto date = Date::parse(text);
    if (!date) {
        why = std::string("the marked date ") + text + " does not exist";
        return std::nullopt;
    }
    const auto slot = Timetable(ctx.store).find(*date, std::stoi(*lesson), cls->code);
    if (!slot)
        why = "no lesson " + *lesson + " of " + cls->code + " on " + date->toString() + " in the timetable";
    return slot;
}

void resolveLesson(ValidationContext& ctx) {
    const std::string serial = ctx.card->serial;
    Timetable timetable(ctx.store);
    if (ctx.card->lessonSlotId || ctx.decisions.assignedSlotId) {
        const auto id = ctx.decisions.assignedSlotId ? *ctx.decisions.assignedSlotId : *ctx.card->lessonSlotId;
        const auto slot = timetable.slot(id);
        if (!slot || slot->cancelled)
            ctx.add(finding::kLessonNotInTimetable, "",
                    "card " + serial + ": lesson " + std::to_string(id) +
                        (slot ? " was cancelled in the timetable" : " is not in the timetable"),
                    true, false);
        else
            ctx.result.lesson.slot = slot;
        return;
    }
    std::string why;
    ctx.result.lesson.slot = resolveOutage(ctx, why);
    if (!ctx.result.lesson.slot)
        ctx.add(finding::kOutageUnresolved, "",
                "outage card " + serial + ": " + why + "; it waits for an administrator to assign its lesson", true,
                false);
}

void checkFlaggedFields(ValidationContext& ctx) {
    for (const auto& f : ctx.reading.fields)
        if (f.state == FieldState::Flagged)
            ctx.add(finding::kFlaggedField, f.fieldId,
                    "field " + f.fieldId + ": " + (f.reason.empty() ? "recognition is not sure" : f.reason) +
                        (f.values.empty() ? "" : " (read as " + f.joined() + ")"));
}

void readHeader(ValidationContext& ctx) {
    if (const auto* sub = ctx.reading.field("header.substitution"))
        ctx.result.lesson.substitution = sub->state == FieldState::Value && !sub->values.empty();
    if (const auto* notHeld = ctx.reading.field("header.not_held"))
        ctx.result.lesson.notHeld = notHeld->state == FieldState::Value && !notHeld->values.empty();
    if (const auto topic = digitGroup(ctx.reading, "header.topic"); topic && topic->find('?') == std::string::npos)
        ctx.result.lesson.topicNumber = topic;
}

} // namespace

ValidationResult validateReading(Store& store, const CardReading& rawReading, const ReviewDecisions& decisions,
                                 const ValidationRules& rules) {
    ValidationResult result;
    const CardReading reading = applyDecisions(rawReading, decisions);
    ValidationContext ctx{store, reading, decisions, rules, result, std::nullopt};
    if (!checkIdentity(ctx))
        return result;
    // A card whose marks could not be read must never pass as "nothing marked = present".
    if (reading.status == PageStatus::Unreadable || reading.fields.empty()) {
        std::string why;
        for (const auto& i : reading.issues)
            why += (why.empty() ? "" : "; ") + i.message;
        ctx.add(finding::kPageUnreadable, "",
                "card " + result.serial + ": the page's marks could not be read" + (why.empty() ? "" : " (" + why + ")") +
                    "; rescan the card or reject it",
                false, false);
        return result;
    }
    resolveLesson(ctx);
    checkFlaggedFields(ctx);
    readHeader(ctx);
    if (!result.lesson.slot)
        return result;
    checkRows(ctx);
    checkGrades(ctx);
    checkAgainstRecorded(ctx);
    checkLocks(ctx);
    return result;
}

} // namespace scanstation::core
