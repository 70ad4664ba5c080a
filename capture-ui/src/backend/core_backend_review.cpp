// CoreBackend: a card with what was read, corrections, the review queue, rejection and the
// assignment of outage cards (core ReviewQueue; the card's geometry from its template).
#include "core_backend.hpp"

#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/date.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/timetable.hpp"

#include <algorithm>
#include <map>

namespace scanstation::ui {

namespace {

// The kiosk shows three states; core's finer life cycle after acceptance is the sync's business.
std::string statusOf(const std::string& state) {
    if (state == "needs_review" || state == "scanned")
        return "needs review";
    if (state == "rejected")
        return "rejected";
    return "accepted";
}

// Pupil names by card row (1-based), as core's validation maps rows to the roster. Each
// pupil named is recorded as viewed by `viewer` (issue 9: every view of a pupil's data).
std::map<int, std::string> rowNames(core::Store& store, const core::CardReading& reading, const std::string& viewer,
                                    const std::string& serial) {
    std::map<int, std::string> names;
    const auto result = core::validateReading(store, reading);
    const core::Roster roster(store);
    core::Transaction tx(store);
    core::PupilAccessLog views(store);
    const auto add = [&](int row, const std::string& pupilId) {
        if (names.count(row))
            return;
        if (const auto p = roster.pupil(pupilId)) {
            names[row] = p->familyName + " " + p->givenName;
            views.recordView(viewer, pupilId, "kiosk card " + serial);
        }
    };
    for (const auto& a : result.lesson.attendance)
        add(a.row, a.pupilId);
    for (const auto& g : result.lesson.grades)
        add(g.row, g.pupilId);
    tx.commit();
    return names;
}

CardFieldView fieldView(const core::FieldDef& def, const core::FieldReading* read,
                        const std::map<int, std::string>& names, const std::vector<core::ReviewItem>& items) {
    CardFieldView f;
    f.id = def.id;
    f.label = def.label;
    if (def.row) {
        const int row = *def.row + 1;
        const auto name = names.find(row);
        f.label = std::to_string(row) + ". " + (name != names.end() ? name->second + ", " : "") + def.label;
    }
    // The field's frame: around its bubbles, 1.5 mm outside them.
    double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
    f.options.push_back(""); // "nothing marked" is always a choice
    for (const auto& o : def.options) {
        left = std::min(left, o.centre.x - o.radius);
        right = std::max(right, o.centre.x + o.radius);
        top = std::min(top, o.centre.y - o.radius);
        bottom = std::max(bottom, o.centre.y + o.radius);
        f.options.push_back(o.value);
        const bool marked = read && std::count(read->values.begin(), read->values.end(), o.value) > 0;
        f.marks.push_back({o.centre.x, o.centre.y, o.radius, o.value, marked});
    }
    f.xMm = left - 1.5;
    f.yMm = top - 1.5;
    f.widthMm = right - left + 3;
    f.heightMm = bottom - top + 3;
    // What counts is core's review: an open item flags the field; a settled one carries the
    // value a person chose (the reading itself is kept as recognition left it).
    bool reviewed = false;
    if (read) {
        f.value = read->joined();
        f.reason = read->reason;
    }
    for (const auto& item : items) {
        if (item.fieldId != def.id)
            continue;
        reviewed = true;
        if (item.state == core::ReviewState::Open) {
            f.flagged = true;
            f.reason = item.message;
        } else if (item.state == core::ReviewState::Resolved && item.chosenValue) {
            f.value = *item.chosenValue;
        }
    }
    if (!reviewed && read && read->state == core::FieldState::Flagged)
        f.flagged = true;
    if (f.flagged)
        f.value.clear(); // nothing is taken as read until a person chooses
    return f;
}

} // namespace

CardView CoreBackend::card(const std::string& serial) {
    std::lock_guard lock(m_mutex);
    const auto review = core::ReviewQueue(*m_store).show(actor().login, serial);
    CardView view;
    view.serial = serial;
    view.status = statusOf(review.state);
    const auto lesson = lessonOf(*m_store, serial);
    view.className = lesson.className;
    view.lesson = lesson.text;
    view.pageId = review.reading.pageHash;
    if (const auto& frame = review.reading.frame) {
        view.cardToPage = frame->mmToPx;
        view.rotationDegrees = frame->rotationDegrees;
    }
    if (!review.reading.card)
        return view;
    const auto tpl = std::find_if(m_templates.begin(), m_templates.end(),
                                  [&](const auto& t) { return t.id == review.reading.card->templateId; });
    if (tpl == m_templates.end())
        return view;
    view.pageWidthMm = tpl->pageWidthMm;
    view.pageHeightMm = tpl->pageHeightMm;
    const auto names = rowNames(*m_store, review.reading, actor().login, serial);
    for (const auto& def : tpl->fields)
        view.fields.push_back(fieldView(def, review.reading.field(def.id), names, review.items));
    return view;
}

void CoreBackend::correct(const std::string& serial, const std::string& fieldId, const std::string& value,
                          const std::string& reason) {
    std::lock_guard lock(m_mutex);
    core::ReviewQueue(*m_store).resolveField(actor().login, serial, fieldId, value, reason);
}

std::vector<ReviewItem> CoreBackend::reviewQueue() {
    std::lock_guard lock(m_mutex);
    if (!m_session)
        return {};
    std::vector<core::ReviewItem> items;
    try {
        items = core::ReviewQueue(*m_store).list(actor().login);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::PermissionDenied)
            throw;
        return {}; // a role core does not show the queue to sees an empty one
    }
    std::vector<ReviewItem> out;
    for (const auto& item : items) {
        ReviewItem r;
        r.itemId = item.id;
        r.code = item.code;
        r.administratorOnly = item.administratorOnly;
        r.cardSerial = item.serial;
        r.fieldId = item.fieldId;
        if (item.lesson) {
            r.className = item.lesson->classOrGroupCode;
            r.day = item.lesson->date.toString();
        }
        r.reason = item.code;
        r.detail = item.message;
        r.pageId = item.pageHash;
        out.push_back(r);
    }
    return out;
}

void CoreBackend::rejectCard(const std::string& serial, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    core::ReviewQueue(*m_store).reject(actor().login, serial, reason);
}

void CoreBackend::assignOutageCard(std::int64_t itemId, const std::string& classCode, const std::string& day,
                                   int lessonNumber, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    const auto date = core::Date::parse(day);
    if (!date)
        throw Error(ErrorKind::BadInput, "day '" + day + "': expected YYYY-MM-DD");
    const auto slot = core::Timetable(*m_store).find(*date, lessonNumber, classCode);
    if (!slot)
        throw Error(ErrorKind::NotFound, "the timetable has no lesson " + std::to_string(lessonNumber) + " of " +
                                             classCode + " on " + day);
    // core decides whether this operator may assign and whether the card then is clean.
    core::ReviewQueue(*m_store).resolve(actor().login, itemId, std::to_string(slot->id), reason);
}

} // namespace scanstation::ui
