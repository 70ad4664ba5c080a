#include "demo_backend.hpp"

#include "demo_card_painter.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/permissions.hpp"

#include <QDir>

#include <algorithm>
#include <thread>

namespace scanstation::ui {

namespace {
using namespace std::chrono_literals;

core::TimePoint now() { return std::chrono::system_clock::now(); }

std::string lessonText(const demo::DemoPage& p) {
    return p.day + ", lekcja " + std::to_string(p.lessonNumber) + ", " + p.subject;
}
} // namespace

DemoBackend::DemoBackend() : m_layout(demo::attendanceTemplate()), m_operators(demo::operators()) {
    if (!m_files.isValid())
        throw Error(ErrorKind::Infrastructure, "demo: cannot create a temporary folder for page images");
    m_lastSuccess["anna.nowak"] = now() - 20h;
    m_lastFailure["anna.nowak"] = now() - 74h;
    m_lastSuccess["admin"] = now() - 3h;
    m_sync.online = false;
    m_sync.since = now() - 95min;
    m_sync.lastError = "The register did not answer within 10 s (connection timed out).";
    m_audit.push_back({now() - 20h, "Anna Nowak", "sign-in", "anna.nowak", "kiosk"});
    m_audit.push_back({now() - 19h, "Anna Nowak", "sign-out", "anna.nowak", ""});
}

std::string DemoBackend::schoolName() const {
    return demo::schoolName();
}

SignInOutcome DemoBackend::signIn(const std::string& login, const std::string& secret) {
    std::this_thread::sleep_for(300ms); // the time a memory-hard hash takes, so the UI shows it
    std::lock_guard lock(m_mutex);
    SignInOutcome out;
    auto op = std::find_if(m_operators.begin(), m_operators.end(),
                           [&](const auto& o) { return o.login == login; });
    if (op == m_operators.end() || op->secret != secret) {
        m_lastFailure[login] = now();
        audit("sign-in refused", login, "wrong login or password");
        out.message = "Wrong login or password.";
        return out;
    }
    out.ok = true;
    out.operatorName = op->name;
    out.role = core::toString(op->role);
    for (const auto action : core::allActions())
        if (core::allowance(op->role, action) != core::Allowance::Refused)
            out.allowedActions.push_back(core::toString(action)); // the kiosk shows these
    if (auto it = m_lastSuccess.find(login); it != m_lastSuccess.end())
        out.lastSuccess = it->second;
    if (auto it = m_lastFailure.find(login); it != m_lastFailure.end())
        out.lastFailure = it->second;
    m_lastSuccess[login] = now();
    m_signedIn = *op;
    audit("sign-in", login, "kiosk");
    return out;
}

void DemoBackend::signOut() {
    std::lock_guard lock(m_mutex);
    if (m_signedIn)
        audit("sign-out", m_signedIn->login, "");
    m_signedIn.reset();
}

std::vector<std::string> DemoBackend::sourceNames() {
    return {"demo:feeder"};
}

std::vector<std::string> DemoBackend::pagesIn(const std::string& source) {
    if (source != "demo:feeder")
        throw Error(ErrorKind::NotFound, "no page source named '" + source + "'");
    std::vector<std::string> ids;
    for (const auto& page : demo::feederBatch())
        ids.push_back(page.pageId);
    return ids;
}

PageOutcome DemoBackend::ingest(const std::string&, const std::string& pageId) {
    const auto batch = demo::feederBatch();
    auto page = std::find_if(batch.begin(), batch.end(), [&](const auto& p) { return p.pageId == pageId; });
    if (page == batch.end())
        throw Error(ErrorKind::NotFound, "no demo page '" + pageId + "'");
    std::this_thread::sleep_for(250ms); // about what recognition of one page takes
    const std::string path = (QDir(m_files.path()).filePath(QString::fromStdString(pageId + ".png"))).toStdString();
    demo::paintPage(*page, m_layout).save(QString::fromStdString(path));

    std::lock_guard lock(m_mutex);
    PageOutcome out{pageId, path, Verdict::Read, page->serial, page->className, lessonText(*page), {}};
    if (page->kind == demo::PageKind::NotACard) {
        out.verdict = Verdict::NotACard;
        out.lesson.clear();
        out.issues = {"no registration marks found: not a ScanStation card"};
    } else if (m_cards.count(page->serial)) {
        out.verdict = Verdict::Duplicate;
        out.issues = {"card " + page->serial + " was already scanned; this page adds nothing"};
    } else {
        Card card = makeCard(*page, path);
        out.issues = card.issues;
        out.verdict = card.status == "accepted" ? Verdict::Read
                      : card.status == "rejected" ? Verdict::Rejected
                                                  : Verdict::CheckThis;
        if (card.status == "accepted")
            accept(card);
        m_cards.emplace(page->serial, std::move(card));
        audit("page scanned", page->serial, out.issues.empty() ? "read" : out.issues.front());
    }
    return out;
}

DemoBackend::Card DemoBackend::makeCard(const demo::DemoPage& page, const std::string& imagePath) const {
    Card card{page, imagePath, "accepted", {}, false, false, {}};
    if (page.kind == demo::PageKind::CodeUnreadable) {
        card.status = "rejected";
        card.issues = {"identity code unreadable: the card cannot be matched to a lesson"};
    }
    std::vector<std::string> names;
    for (const auto& pupil : demo::pupils())
        if (pupil.className == page.className)
            names.push_back(pupil.name);
    for (const auto& def : m_layout.fields) {
        const int row = *def.row;
        CardFieldView f;
        f.id = def.id;
        f.label = std::to_string(row + 1) + ". " + names[row];
        f.xMm = def.options.front().centre.x - 6;
        f.yMm = def.options.front().centre.y - 6;
        f.widthMm = def.options.back().centre.x - def.options.front().centre.x + 12;
        f.heightMm = 12;
        f.value = page.attendance[row];
        f.options = {""};
        for (const auto& o : def.options) {
            f.options.push_back(o.value);
            const bool second = page.kind == demo::PageKind::DoubleMark && row == page.flaggedRow && o.value == "u";
            f.marks.push_back({o.centre.x, o.centre.y, o.radius, o.value, o.value == f.value || second});
        }
        if (row == page.flaggedRow) {
            f.flagged = true;
            f.reason = page.kind == demo::PageKind::FaintMark ? "faint mark at " + f.value + ": marked or not?"
                                                              : "two marks: " + f.value + " and u";
            f.value.clear();
            card.status = "needs review";
            card.issues.push_back("row " + std::to_string(row + 1) + ": " + f.reason);
        }
        card.fields.push_back(f);
    }
    return card;
}

void DemoBackend::accept(Card& card) {
    card.status = "accepted";
    m_outbox.push_back({card.page.serial + "/topic", card.page.serial, "topic", now(), 0});
    for (const auto& f : card.fields)
        if (!f.value.empty())
            m_outbox.push_back({card.page.serial + "/" + f.id, card.page.serial, "attendance", now(), 0});
}

CardView DemoBackend::card(const std::string& serial) {
    std::lock_guard lock(m_mutex);
    auto it = m_cards.find(serial);
    if (it == m_cards.end())
        throw Error(ErrorKind::NotFound, "no card with serial '" + serial + "' on this station");
    const Card& c = it->second;
    return {serial, c.imagePath, m_layout.pageWidthMm, m_layout.pageHeightMm, c.page.className,
            lessonText(c.page), c.status, c.fields};
}

void DemoBackend::correct(const std::string& serial, const std::string& fieldId,
                          const std::string& value, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    requireAllowed(core::Action::ResolveReview);
    auto it = m_cards.find(serial);
    if (it == m_cards.end())
        throw Error(ErrorKind::NotFound, "no card with serial '" + serial + "' on this station");
    // DOMAIN.md: nothing in the register changes without a stated reason.
    if (reason.empty())
        throw Error(ErrorKind::BadInput, "a correction needs a reason");
    auto& fields = it->second.fields;
    auto f = std::find_if(fields.begin(), fields.end(), [&](const auto& x) { return x.id == fieldId; });
    if (f == fields.end())
        throw Error(ErrorKind::NotFound, "card " + serial + " has no field '" + fieldId + "'");
    if (std::find(f->options.begin(), f->options.end(), value) == f->options.end())
        throw Error(ErrorKind::BadInput, "'" + value + "' is not an option of " + fieldId);
    f->value = value;
    f->flagged = false;
    f->reason.clear();
    audit("field corrected", serial + " " + fieldId, "value '" + value + "': " + reason);
    const bool anyFlagged = std::any_of(fields.begin(), fields.end(), [](const auto& x) { return x.flagged; });
    if (!anyFlagged && it->second.status == "needs review") {
        it->second.issues.clear();
        accept(it->second);
    }
}

std::vector<ReviewItem> DemoBackend::reviewQueue() {
    std::lock_guard lock(m_mutex);
    std::vector<ReviewItem> items;
    for (const auto& [serial, c] : m_cards) {
        if (c.status == "rejected")
            items.push_back({serial, "", c.page.className, c.page.day, "rejected", c.issues.front(), c.imagePath});
        for (const auto& f : c.fields)
            if (f.flagged)
                items.push_back({serial, f.id, c.page.className, c.page.day, "flagged field",
                                 f.label + ": " + f.reason, c.imagePath});
    }
    return items;
}

void DemoBackend::rejectCard(const std::string& serial, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    requireAllowed(core::Action::RejectCard);
    auto it = m_cards.find(serial);
    if (it == m_cards.end())
        throw Error(ErrorKind::NotFound, "no card with serial '" + serial + "' on this station");
    if (reason.empty())
        throw Error(ErrorKind::BadInput, "rejecting a card needs a reason");
    it->second.status = "rejected, returned";
    for (auto& f : it->second.fields)
        f.flagged = false;
    audit("card rejected", serial, reason);
}

} // namespace scanstation::ui
