#pragma once
// The kiosk's calls answered by the libraries on one station data directory: core (accounts,
// review, custody, shredding, audit, roster, outbox), scanner (sources, BatchIngest),
// card-templates (cards, shredding protocol) and sync (SyncWorker). Every rule is theirs; this
// class only converts their values into the kiosk's and remembers who is signed in.
//
// Threads: calls from the UI thread share one store connection under m_mutex. The slow calls
// (signIn, scan, syncNow) run on worker threads, each on its own connection to the same SQLite
// file (WAL), so a batch never blocks the screens and the screens never block a batch.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/sources/source_spec.hpp"
#include "scanstation/ui/station_backend.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace scanstation::scanner {
class Recognizer;
class HotFolder;
struct PageReport;
} // namespace scanstation::scanner
namespace scanstation::sync {
class SyncWorker;
}

namespace scanstation::ui {

struct RegisterConfig {
    std::string url;          // empty: no register configured (the outbox keeps everything)
    std::string clientId;     // OAuth 2 client credentials
    std::string clientSecret;
    bool allowPlainHttp = false; // loopback only (the reference register)
};

struct BackendConfig {
    std::filesystem::path dataDir;
    // The key directory (apart from dataDir): its data key seals the store and the page vault,
    // its card.keys signs and verifies cards. The CLI's rule: --keys, $SCANSTATION_KEYS, else
    // core::KeyStore::defaultDir().
    std::filesystem::path keyDir;
    // Page sources as source_spec.hpp writes them (sane, sane:DEVICE, camera:N, folder:PATH,
    // file:PATH), plus "hot:PATH" for a scan-to-folder inbox (scanner's HotFolder).
    std::vector<std::string> sources;
    scanner::SourceSettings sourceSettings; // scanner resolution, mode, feeder, camera backend
    // Where the sign-in screen looks for operator badges (hot:, folder:, camera specs); empty:
    // the hot folders and cameras of `sources` (a feeder scanner is never run unasked).
    std::vector<std::string> badgeSources;
    RegisterConfig register_;
    // Argon2id cost of passwords set here (a forced change). The station's is Interactive.
    core::PasswordHashCost hashCost = core::PasswordHashCost::Interactive;
    std::string nameSuffix; // e.g. " (demo)"
};

class CoreBackend final : public StationBackend {
public:
    explicit CoreBackend(BackendConfig config);
    ~CoreBackend() override;

    std::string schoolName() const override;
    SignInOutcome signIn(const std::string& login, const std::string& secret,
                         const std::optional<std::string>& newPassword) override;
    void signOut() override;
    int maxIdleMinutes() const override;
    BadgeSighting lookForBadge() override;       // core_backend_badge.cpp
    void cancelBadgeLook() override;
    SignInOutcome signInByBadge(const std::string& token) override;

    std::vector<std::string> sourceNames() override;
    std::string scan(const std::string& source, const std::function<void(const PageOutcome&)>& onPage) override;
    void cancelScan() override;

    CardView card(const std::string& serial) override;
    void correct(const std::string& serial, const std::string& fieldId, const std::string& value,
                 const std::string& reason) override;
    std::vector<ReviewItem> reviewQueue() override;
    void rejectCard(const std::string& serial, const std::string& reason) override;
    void assignOutageCard(std::int64_t itemId, const std::string& classCode, const std::string& day,
                          int lessonNumber, const std::string& reason) override;

    std::vector<std::string> classes() override;
    std::vector<RosterEntry> roster() override;
    std::vector<AuditEntry> auditLog() override;

    std::vector<CustodyDay> custodyDays() override;
    std::vector<CustodyCard> custodyCards() override;
    ShredOutcome confirmShredded(const std::string& code) override;
    std::string writeShreddingProtocol(const std::string& day) override;
    std::string printCustodyLabel(const std::string& day) override;

    std::string printCards(const std::string& className, const std::string& fromDay,
                           const std::string& toDay) override;
    std::string printOutageCards(int count) override;

    PixelImage pageImage(const std::string& pageId) override;
    PixelImage fieldCrop(const std::string& serial, const std::string& fieldId) override;

    SyncStatus syncStatus() override;
    std::vector<OutboxEntry> outbox() override;
    SyncStatus syncNow() override;

    void stopWork() override;

private:
    // The signed-in operator, confirmed by core (which also ends an idle session). Caller
    // holds m_mutex. Throws Error{PermissionDenied} when nobody is signed in.
    core::Operator actor();
    // One per batch, on the worker's connection: it verifies cards against the key ring as it
    // is when the batch starts (a rotation or an import by the CLI counts from the next batch).
    std::unique_ptr<scanner::Recognizer> makeRecognizer(core::Store& store) const;
    std::string runSource(core::Store& store, scanner::PageSource& source, const std::string& login,
                          const std::function<void(const PageOutcome&)>& onPage);
    std::string runHotFolder(core::Store& store, const std::filesystem::path& folder, const std::string& login,
                             const std::function<void(const PageOutcome&)>& onPage);
    struct LessonInfo {
        std::string className, day, text; // text: "2026-11-23, lesson 3, 2b, mat"
    };
    LessonInfo lessonOf(core::Store& store, const std::string& serial) const;
    static PageOutcome outcomeOf(const scanner::PageReport& report, const LessonInfo& lesson);
    std::filesystem::path outputDir(const std::string& name) const;
    // Every connection is to the sealed store (a worker thread opens its own).
    core::SealedDataDir sealedDataDir() const;
    // core_backend_badge.cpp: one folder's new image files, one camera capture.
    BadgeSighting lookInFolder(const std::filesystem::path& folder);
    BadgeSighting lookAtCamera(const std::string& spec);
    // What the kiosk keeps of a sign-in core accepted (password or badge).
    SignInOutcome signedIn(const core::SignInResult& result);

    BackendConfig m_config;
    mutable std::mutex m_mutex; // guards m_store, m_session, m_operator
    std::unique_ptr<core::Store> m_store;
    std::vector<core::CardTemplate> m_templates; // the shipped card templates
    core::SecretKey m_dataKey;                   // seals the page vault (key dir's data.key)
    std::optional<std::string> m_session; // core's session token
    std::optional<core::Operator> m_operator;

    std::mutex m_workMutex; // guards the pointers below (set while a worker runs)
    scanner::PageSource* m_runningSource = nullptr;
    scanner::HotFolder* m_runningFolder = nullptr;
    sync::SyncWorker* m_runningSync = nullptr;
    std::atomic_bool m_cancelScan{false};
    scanner::PageSource* m_badgeCamera = nullptr; // guarded by m_workMutex; set while a look waits on it
    std::atomic_bool m_cancelBadgeLook{false};
    std::mutex m_badgeMutex;                      // guards m_badgeFilesSeen
    std::set<std::string> m_badgeFilesSeen;       // "path|size|mtime" of files that held no badge
};

} // namespace scanstation::ui
