#pragma once
// The calls the kiosk makes into the libraries, in one place. The kiosk holds no rules: every
// answer (who may do what, whether a correction is allowed, whether a card may be shredded)
// comes from here. Each method names the library that answers it; CoreBackend
// (src/backend/) is the implementation over core, scanner, card-templates and sync.
//
// Threads: scan(), signIn() and syncNow() are slow (recognition, Argon2id, network) and are
// called on a worker thread; an implementation must allow them to run beside the other calls.
// Failures of an operation throw scanstation::Error; findings are values.
#include "scanstation/core/clock.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::ui {

// core: operators and permissions.
struct SignInOutcome {
    bool ok = false;
    std::string message; // why not, in plain words ("wrong password, 7 tries left")
    std::string operatorName;
    std::string role;                        // "teacher", "administrator", ...
    std::vector<std::string> allowedActions; // core's permission matrix row for this operator
    std::optional<core::TimePoint> lastSuccess;
    std::optional<core::TimePoint> lastFailure;
    // The password was right but must be changed first (one-time password, or older than 30
    // days): sign in again with a new password. ok is false until then.
    bool mustChangePassword = false;
    std::string changeReason;
    std::string login; // whose password must change (a badge names the operator)
};

// scanner: what the badge sources showed while the sign-in screen was up (an operator's badge,
// core's operator_badges.hpp). The token is then checked by signInByBadge.
struct BadgeSighting {
    std::optional<std::string> token; // a badge's code was read
    std::string finding;              // else, when worth telling: a code that is not a badge
};

// scanner + core ingestion: one page of a batch after recognition and validation.
enum class Verdict { Read, CheckThis, Rejected, NotACard, Duplicate };

// A decrypted page or field crop, for the screen only: it is never written to disk (originals
// are sealed in the vault). 8-bit grey or RGB, rows tightly packed, top row first.
struct PixelImage {
    int width = 0;
    int height = 0;
    bool rgb = false;
    std::vector<std::uint8_t> pixels;
    bool empty() const { return pixels.empty(); }
};

struct PageOutcome {
    std::string pageId;
    Verdict verdict = Verdict::NotACard;
    std::string cardSerial; // empty when not a card
    std::string className;
    std::string lesson;              // "2026-11-23, lesson 3, mathematics"
    std::vector<std::string> issues; // precise reasons, one per finding
};

// core: a card with what was read, in millimetres from the card's top-left corner.
struct MarkView {
    double xMm = 0, yMm = 0, radiusMm = 0; // bubble centre and radius
    std::string value;
    bool marked = false;
};

struct CardFieldView {
    std::string id;
    std::string label; // "7. Kowalska Zofia, attendance"
    double xMm = 0, yMm = 0, widthMm = 0, heightMm = 0;
    std::string value;                // what was read, or chosen in a correction
    std::vector<std::string> options; // values a person may choose
    std::vector<MarkView> marks;
    bool flagged = false;
    std::string reason; // why flagged ("two marks", "faint mark")
};

struct CardView {
    std::string serial;
    std::string pageId; // the stored page (pageImage); empty when none
    double pageWidthMm = 210, pageHeightMm = 297;
    // Where the card lies on the stored page, as recognition found it: card mm -> page px
    // (row-major 3x3 homography), and the card's clockwise turn on the page (0, 90, 180, 270).
    // None when the reading has no frame: then the page is taken as the card itself.
    std::optional<std::array<double, 9>> cardToPage;
    int rotationDegrees = 0;
    std::string className;
    std::string lesson;
    std::string status; // "accepted", "needs review", "rejected"
    std::vector<CardFieldView> fields;
};

struct ReviewItem {
    std::int64_t itemId = 0;
    std::string code; // core's finding code, e.g. "outage_unresolved"
    bool administratorOnly = false;
    std::string cardSerial;
    std::string fieldId; // empty for a card-level finding
    std::string className;
    std::string day; // ISO date of the lesson
    std::string reason;
    std::string detail;
    std::string pageId; // the stored page (pageImage); a field's row: fieldCrop(cardSerial, fieldId)
};

struct RosterEntry {
    std::string className;
    int number = 0; // register number
    std::string name;
    std::string note; // "joined 2026-11-02", "struck off"
};

struct AuditEntry {
    core::TimePoint time;
    std::string operatorName;
    std::string action;
    std::string subject;
    std::string detail;
};

// core custody: the paper held on the station.
struct CustodyCard {
    std::string serial;
    std::string day;
    std::string lesson;
    bool eligible = false; // acknowledged by the register and nothing in review
    bool shredded = false;
    std::string reason; // why it is held ("not yet in the register - keep it")
};

struct CustodyDay {
    std::string day;
    std::string labelCode; // printed on the day's stack
    int cards = 0;
    int eligible = 0;
    int shredded = 0;
};

struct ShredOutcome {
    bool accepted = false;
    std::string serial;
    std::string message; // the refusal reason, or the confirmation
};

// sync: status for people.
struct SyncStatus {
    bool online = false;
    std::optional<core::TimePoint> since;
    int waiting = 0;
    std::optional<core::TimePoint> oldestWaiting;
    std::string lastError; // plain words; empty when none
};

struct OutboxEntry {
    std::string recordId;
    std::string cardSerial;
    std::string kind; // "attendance", "grade", "topic"
    core::TimePoint queuedAt;
    int attempts = 0;
};

class StationBackend {
public:
    virtual ~StationBackend() = default;

    virtual std::string schoolName() const = 0;

    // core: operators (issue 9). `newPassword` completes a sign-in that needs a new password.
    virtual SignInOutcome signIn(const std::string& login, const std::string& secret,
                                 const std::optional<std::string>& newPassword) = 0;
    virtual void signOut() = 0;
    virtual int maxIdleMinutes() const = 0; // the school rule's ceiling (45)
    // One look at the badge sources (hot folders and folders: their new image files; a camera:
    // blocks until something lies still in view, or cancelBadgeLook()). Slow: a worker thread.
    virtual BadgeSighting lookForBadge() = 0;
    virtual void cancelBadgeLook() = 0; // any thread
    // core: signs in with a badge's token, as signIn does with a password (slow: a worker).
    virtual SignInOutcome signInByBadge(const std::string& token) = 0;

    // scanner sources + core ingestion (issue 5).
    // A batch from one source: every page is reported once it is stored. Returns how the batch
    // ended, in plain words; cancelScan() (any thread) ends it after the current page.
    virtual std::vector<std::string> sourceNames() = 0;
    virtual std::string scan(const std::string& source, const std::function<void(const PageOutcome&)>& onPage) = 0;
    virtual void cancelScan() = 0;

    // core: cards and review.
    virtual CardView card(const std::string& serial) = 0;
    virtual void correct(const std::string& serial, const std::string& fieldId,
                         const std::string& value, const std::string& reason) = 0;
    virtual std::vector<ReviewItem> reviewQueue() = 0;
    virtual void rejectCard(const std::string& serial, const std::string& reason) = 0;
    // An outage card (no lesson printed on it) is assigned to the lesson the teacher wrote on it.
    virtual void assignOutageCard(std::int64_t itemId, const std::string& classCode, const std::string& day,
                                  int lessonNumber, const std::string& reason) = 0;

    // scanner: the stored original of a page (decrypted from the vault), and a field's crop
    // (its whole row for a pupil's field) cut and straightened from it. Empty when the page is
    // unknown or nothing could be cut. Called from the image provider's thread.
    virtual PixelImage pageImage(const std::string& pageId) = 0;
    virtual PixelImage fieldCrop(const std::string& serial, const std::string& fieldId) = 0;

    // core: roster and audit. roster() gives the pupils the signed-in operator may see (core's
    // PupilDataScope) and records each of them as viewed by the operator: call it only to show them.
    virtual std::vector<std::string> classes() = 0;
    virtual std::vector<RosterEntry> roster() = 0;
    virtual std::vector<AuditEntry> auditLog() = 0;

    // core: custody and shredding.
    virtual std::vector<CustodyDay> custodyDays() = 0;
    virtual std::vector<CustodyCard> custodyCards() = 0;
    virtual ShredOutcome confirmShredded(const std::string& code) = 0;
    virtual std::string writeShreddingProtocol(const std::string& day) = 0; // path written
    virtual std::string printCustodyLabel(const std::string& day) = 0;      // path written

    // card-templates: printing (returns the path of the PDF sent to the printer).
    virtual std::string printCards(const std::string& className, const std::string& fromDay,
                                   const std::string& toDay) = 0;
    virtual std::string printOutageCards(int count) = 0;

    // sync (issue 6).
    virtual SyncStatus syncStatus() = 0;
    virtual std::vector<OutboxEntry> outbox() = 0;
    virtual SyncStatus syncNow() = 0;

    // Shutdown: cancels a batch and a sync in progress so the workers return soon.
    virtual void stopWork() = 0;
};

} // namespace scanstation::ui
