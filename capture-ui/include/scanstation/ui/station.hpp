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

class QTemporaryDir;

namespace scanstation::ui {

class StationBackend;
class StationImages;

// What `scanstation-kiosk --data DIR` runs on (see app/main.cpp for the options).
struct StationOptions {
    QString configFile; // the station configuration (core's reader); empty: the default path if any
    QString dataDir;    // overrides the configuration's [station] data
    QString keyDir;     // --keys: the key directory; empty: $SCANSTATION_KEYS, else ~/.config/scanstation/keys
    QStringList sources; // page source specs; empty: the configuration's, else sane, inbox, camera
    QString registerUrl; // empty: the configuration's [sync] register, else records wait
    QString registerClient; // OAuth 2 client "ID:SECRET"
    bool allowPlainHttp = false;
};

// The station on the libraries and the store in its data directory (made when missing).
// Throws scanstation::Error when the configuration is wrong or the store cannot be opened.
std::unique_ptr<class Station> openStation(const StationOptions& options);

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
    // `keepAlive` (e.g. the demo's temporary data directory) outlives the backend.
    Station(std::unique_ptr<StationBackend> backend, bool demo, QObject* parent = nullptr,
            std::shared_ptr<void> keepAlive = {});
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

    std::shared_ptr<void> m_keepAlive; // declared first: destroyed after the backend
    std::unique_ptr<StationBackend> m_backend;
    std::unique_ptr<StationImages> m_images; // its pages for the image provider; goes before the backend
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

// The real station on a fresh demo data directory (core's demo school, the demo operators,
// a feeder of filled demo cards; see src/backend/demo_station_data.hpp), removed when the
// station goes. For `scanstation-kiosk --demo` and the Qt Quick tests.
class DemoStation : public Station {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)

public:
    explicit DemoStation(QObject* parent = nullptr);
    QString dataDir() const { return m_dataDir; }
    // Puts a demo badge ("admin", or "forged") in front of the demo camera: the sign-in
    // screen then reads it as it reads a real badge (src/backend/demo_badges.hpp). False (and a
    // warning) for an unknown name.
    Q_INVOKABLE bool showDemoBadge(const QString& name);

private:
    DemoStation(std::shared_ptr<QTemporaryDir> dir, QObject* parent);
    QString m_dataDir;
};

} // namespace scanstation::ui
