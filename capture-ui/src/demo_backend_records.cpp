// DemoBackend: roster, audit, custody, printing and sync (see demo_backend.hpp).
#include "demo_backend.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/permissions.hpp"

#include <QDate>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <thread>

namespace scanstation::ui {

namespace {
using namespace std::chrono_literals;

core::TimePoint now() { return std::chrono::system_clock::now(); }

std::string dayCode(const std::string& day) {
    std::string digits;
    for (char c : day)
        if (c != '-')
            digits += c;
    return "DAY-" + digits;
}
} // namespace

// core's permission matrix decides; every demo lesson counts as the demo teacher's own.
void DemoBackend::requireAllowed(core::Action action) const {
    if (!m_signedIn)
        throw Error(ErrorKind::PermissionDenied, "sign in first");
    core::require(m_signedIn->role, action, /*own=*/true);
}

void DemoBackend::audit(const std::string& action, const std::string& subject, const std::string& detail) {
    m_audit.push_back({now(), m_signedIn ? m_signedIn->name : std::string("station"), action, subject, detail});
}

std::string DemoBackend::writeFile(const std::string& name, const std::string& text) const {
    const QString path = QDir(m_files.path()).filePath(QString::fromStdString(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
        throw Error(ErrorKind::Infrastructure, "cannot write " + path.toStdString());
    return path.toStdString();
}

std::vector<std::string> DemoBackend::classes() {
    return demo::classCodes();
}

std::vector<RosterEntry> DemoBackend::roster() {
    std::vector<RosterEntry> entries;
    for (const auto& p : demo::pupils())
        entries.push_back({p.className, p.number, p.name, p.note});
    return entries;
}

std::vector<AuditEntry> DemoBackend::auditLog() {
    std::lock_guard lock(m_mutex);
    std::vector<AuditEntry> newestFirst(m_audit.rbegin(), m_audit.rend());
    return newestFirst;
}

// DOMAIN.md 004 ch. 13 §3: only a card whose data the register acknowledged may be shredded.
std::string DemoBackend::holdReason(const Card& card) const {
    if (card.shredded)
        return "shredded";
    if (card.status == "needs review")
        return "in review - keep it";
    if (card.status.rfind("rejected", 0) == 0)
        return "rejected - return it to the teacher";
    if (!card.acknowledged)
        return "not yet in the register - keep it";
    return "";
}

std::vector<CustodyCard> DemoBackend::custodyCards() {
    std::lock_guard lock(m_mutex);
    std::vector<CustodyCard> cards;
    for (const auto& [serial, c] : m_cards) {
        const auto reason = holdReason(c);
        cards.push_back({serial, c.page.day,
                         c.page.className + ", lekcja " + std::to_string(c.page.lessonNumber) + ", " + c.page.subject,
                         reason.empty(), c.shredded, reason});
    }
    return cards;
}

std::vector<CustodyDay> DemoBackend::custodyDays() {
    std::map<std::string, CustodyDay> days;
    for (const auto& c : custodyCards()) {
        auto& d = days[c.day];
        d.day = c.day;
        d.labelCode = dayCode(c.day);
        ++d.cards;
        d.eligible += c.eligible ? 1 : 0;
        d.shredded += c.shredded ? 1 : 0;
    }
    std::vector<CustodyDay> out;
    for (auto& [day, d] : days)
        out.push_back(d);
    return out;
}

ShredOutcome DemoBackend::confirmShredded(const std::string& code) {
    std::lock_guard lock(m_mutex);
    requireAllowed(core::Action::ShredCards);
    std::vector<Card*> targets;
    for (auto& [serial, c] : m_cards)
        if (serial == code || dayCode(c.page.day) == code)
            targets.push_back(&c);
    if (targets.empty())
        return {false, code, "unknown card or day code '" + code + "'"};
    int done = 0;
    for (Card* c : targets) {
        const auto reason = holdReason(*c);
        if (!reason.empty()) {
            if (targets.size() == 1)
                return {false, code, c->page.serial + ": " + reason};
            continue; // a day's stack: shred what may go, keep the rest
        }
        c->shredded = true;
        ++done;
        audit("card shredded", c->page.serial, "confirmed by code " + code);
    }
    if (done == 0)
        return {false, code, "nothing of " + code + " may be shredded yet - keep the stack"};
    return {true, code, std::to_string(done) + " card(s) recorded as shredded"};
}

std::string DemoBackend::writeShreddingProtocol(const std::string& day) {
    std::lock_guard lock(m_mutex);
    std::string text = "PROTOKÓŁ ZNISZCZENIA DOKUMENTÓW\n" + demo::schoolName() + "\nDzień kart: " +
                       (day.empty() ? "wszystkie" : day) + "\nOperator: " +
                       (m_signedIn ? m_signedIn->name : "-") + "\n\n";
    int n = 0;
    for (const auto& [serial, c] : m_cards)
        if (c.shredded && (day.empty() || c.page.day == day))
            text += std::to_string(++n) + ". " + serial + "  " + c.page.className + " " + c.page.day +
                    " lekcja " + std::to_string(c.page.lessonNumber) + "\n";
    if (n == 0)
        throw Error(ErrorKind::Conflict, "no card of " + (day.empty() ? std::string("any day") : day) +
                                             " has been shredded yet");
    text += "\nPodpis operatora: ..................   Podpis świadka: ..................\n";
    audit("shredding protocol", day, std::to_string(n) + " cards");
    return writeFile("protokol-zniszczenia-" + (day.empty() ? std::string("all") : day) + ".txt", text);
}

std::string DemoBackend::printCards(const std::string& className, const std::string& fromDay,
                                    const std::string& toDay) {
    std::lock_guard lock(m_mutex);
    requireAllowed(core::Action::PrintCards);
    const auto known = classes();
    if (std::find(known.begin(), known.end(), className) == known.end())
        throw Error(ErrorKind::NotFound, "no class '" + className + "'");
    const QDate from = QDate::fromString(QString::fromStdString(fromDay), Qt::ISODate);
    const QDate to = QDate::fromString(QString::fromStdString(toDay), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from)
        throw Error(ErrorKind::BadInput, "days must be YYYY-MM-DD with the first not after the last");
    int schoolDays = 0;
    for (QDate d = from; d <= to; d = d.addDays(1))
        schoolDays += d.dayOfWeek() <= 5 ? 1 : 0;
    const int cards = schoolDays * 5; // the demo timetable has five lessons a day
    audit("cards printed", className, fromDay + " .. " + toDay + ", " + std::to_string(cards) + " cards");
    const auto path = writeFile("cards-" + className + "-" + fromDay + ".txt",
                                std::to_string(cards) + " attendance cards for " + className + "\n");
    return std::to_string(cards) + " cards for " + className + " listed in " + path +
           " (the demo does not print; card-templates will render the PDF)";
}

std::string DemoBackend::printOutageCards(int count) {
    std::lock_guard lock(m_mutex);
    requireAllowed(core::Action::PrintCards);
    if (count < 1 || count > 200)
        throw Error(ErrorKind::BadInput, "print between 1 and 200 outage cards at a time");
    audit("outage cards printed", "", std::to_string(count) + " cards");
    return std::to_string(count) + " outage cards listed (the demo does not print)";
}

SyncStatus DemoBackend::syncStatus() {
    std::lock_guard lock(m_mutex);
    SyncStatus s = m_sync;
    s.waiting = static_cast<int>(m_outbox.size());
    for (const auto& e : m_outbox)
        if (!s.oldestWaiting || e.queuedAt < *s.oldestWaiting)
            s.oldestWaiting = e.queuedAt;
    return s;
}

std::vector<OutboxEntry> DemoBackend::outbox() {
    std::lock_guard lock(m_mutex);
    return m_outbox;
}

SyncStatus DemoBackend::syncNow() {
    std::this_thread::sleep_for(700ms); // a round trip to the register
    {
        std::lock_guard lock(m_mutex);
        for (const auto& e : m_outbox)
            m_cards[e.cardSerial].acknowledged = true;
        const auto sent = m_outbox.size();
        m_outbox.clear();
        if (!m_sync.online)
            m_sync.since = now();
        m_sync.online = true;
        m_sync.lastError.clear();
        audit("sync", "register", std::to_string(sent) + " records acknowledged");
    }
    return syncStatus();
}

} // namespace scanstation::ui
