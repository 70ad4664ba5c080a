#pragma once
// Stands in for core, scanner, card-templates and sync on the demo school until their calls
// exist (see the report in README "Kiosk"). It keeps the demo's state in memory and answers
// as the libraries are specified to answer; the real rules are theirs, and each stand-in
// rule below names the DOMAIN.md rule it imitates so it can be deleted without loss.
#include "demo_school.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/ui/station_backend.hpp"

#include <QTemporaryDir>

#include <map>
#include <mutex>
#include <set>

namespace scanstation::ui {

class DemoBackend final : public StationBackend {
public:
    DemoBackend();

    std::string schoolName() const override;
    SignInOutcome signIn(const std::string& login, const std::string& secret) override;
    void signOut() override;
    int maxIdleMinutes() const override {
        return static_cast<int>(core::PasswordPolicy::kIdleSignOut.count());
    }

    std::vector<std::string> sourceNames() override;
    std::vector<std::string> pagesIn(const std::string& source) override;
    PageOutcome ingest(const std::string& source, const std::string& pageId) override;

    CardView card(const std::string& serial) override;
    void correct(const std::string& serial, const std::string& fieldId, const std::string& value,
                 const std::string& reason) override;
    std::vector<ReviewItem> reviewQueue() override;
    void rejectCard(const std::string& serial, const std::string& reason) override;

    std::vector<std::string> classes() override;
    std::vector<RosterEntry> roster() override;
    std::vector<AuditEntry> auditLog() override;

    std::vector<CustodyDay> custodyDays() override;
    std::vector<CustodyCard> custodyCards() override;
    ShredOutcome confirmShredded(const std::string& code) override;
    std::string writeShreddingProtocol(const std::string& day) override;

    std::string printCards(const std::string& className, const std::string& fromDay,
                           const std::string& toDay) override;
    std::string printOutageCards(int count) override;

    SyncStatus syncStatus() override;
    std::vector<OutboxEntry> outbox() override;
    SyncStatus syncNow() override;

private:
    struct Card {
        demo::DemoPage page;
        std::string imagePath;
        std::string status; // "accepted", "needs review", "rejected"
        std::vector<CardFieldView> fields;
        bool acknowledged = false;
        bool shredded = false;
        std::vector<std::string> issues;
    };

    void requireAllowed(core::Action action) const; // caller holds m_mutex
    void audit(const std::string& action, const std::string& subject, const std::string& detail);
    Card makeCard(const demo::DemoPage& page, const std::string& imagePath) const;
    void accept(Card& card);
    std::string holdReason(const Card& card) const;
    std::string writeFile(const std::string& name, const std::string& text) const;

    mutable std::mutex m_mutex;
    QTemporaryDir m_files;
    core::CardTemplate m_layout;
    std::vector<demo::Operator> m_operators;
    std::optional<demo::Operator> m_signedIn;
    std::map<std::string, core::TimePoint> m_lastSuccess, m_lastFailure;
    std::map<std::string, Card> m_cards;
    std::vector<OutboxEntry> m_outbox;
    std::vector<AuditEntry> m_audit;
    SyncStatus m_sync;
};

} // namespace scanstation::ui
