#pragma once
// The station as QML sees it: one object per screen's concern, all calling one backend (the
// libraries). main.cpp is the composition root that chooses the backend; QML receives the
// station as Main's required property. The worker pool for slow calls lives here and is
// drained before the backend goes away.
#include "card_controller.hpp"
#include "office_controller.hpp"
#include "paper_controller.hpp"
#include "review_controller.hpp"
#include "scan_controller.hpp"
#include "session_controller.hpp"
#include "sync_controller.hpp"

#include <QObject>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace scanstation::ui {

class StationBackend;

class Station : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by main.cpp, or use DemoStation")
    Q_PROPERTY(QString schoolName READ schoolName CONSTANT)
    Q_PROPERTY(bool demo READ demo CONSTANT)
    Q_PROPERTY(scanstation::ui::SessionController* session READ session CONSTANT)
    Q_PROPERTY(scanstation::ui::ScanController* scan READ scan CONSTANT)
    Q_PROPERTY(scanstation::ui::CardController* card READ card CONSTANT)
    Q_PROPERTY(scanstation::ui::ReviewController* review READ review CONSTANT)
    Q_PROPERTY(scanstation::ui::SyncController* sync READ sync CONSTANT)
    Q_PROPERTY(scanstation::ui::PaperController* paper READ paper CONSTANT)
    Q_PROPERTY(scanstation::ui::OfficeController* office READ office CONSTANT)

public:
    Station(std::unique_ptr<StationBackend> backend, bool demo, QObject* parent = nullptr);
    ~Station() override;

    QString schoolName() const;
    bool demo() const { return m_demo; }
    SessionController* session() const { return m_session; }
    ScanController* scan() const { return m_scan; }
    CardController* card() const { return m_card; }
    ReviewController* review() const { return m_review; }
    SyncController* sync() const { return m_sync; }
    PaperController* paper() const { return m_paper; }
    OfficeController* office() const { return m_office; }

    // Re-reads every list from the libraries (after a batch, a correction, a sync).
    Q_INVOKABLE void refreshAll();

private:
    void connectControllers();

    std::unique_ptr<StationBackend> m_backend;
    QThreadPool m_pool;
    bool m_demo = false;
    SessionController* m_session = nullptr;
    ScanController* m_scan = nullptr;
    CardController* m_card = nullptr;
    ReviewController* m_review = nullptr;
    SyncController* m_sync = nullptr;
    PaperController* m_paper = nullptr;
    OfficeController* m_office = nullptr;
};

// The station on the demo school and the demo page source, for `scanstation-kiosk --demo`
// and for the Qt Quick tests.
class DemoStation : public Station {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DemoStation(QObject* parent = nullptr);
};

} // namespace scanstation::ui
