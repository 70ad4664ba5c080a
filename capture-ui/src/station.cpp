#include "scanstation/ui/station.hpp"

#include "backend/core_backend.hpp"
#include "backend/demo_badges.hpp"
#include "backend/demo_station_data.hpp"
#include "qt_convert.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/ui/card_controller.hpp"
#include "scanstation/ui/office_controller.hpp"
#include "scanstation/ui/paper_controller.hpp"
#include "scanstation/ui/review_controller.hpp"
#include "scanstation/ui/scan_controller.hpp"
#include "scanstation/ui/session_controller.hpp"
#include "scanstation/ui/station_backend.hpp"
#include "scanstation/ui/station_images.hpp"
#include "scanstation/ui/sync_controller.hpp"

#include <QTemporaryDir>

namespace scanstation::ui {

Station::Station(std::unique_ptr<StationBackend> backend, bool demo, QObject* parent,
                 std::shared_ptr<void> keepAlive)
    : QObject(parent), m_keepAlive(std::move(keepAlive)), m_backend(std::move(backend)),
      m_images(std::make_unique<StationImages>(*m_backend)), m_demo(demo) {
    // Recognition and sync are synchronous library calls; two workers keep a batch and a sync
    // try from waiting on each other without loading a small station's CPU.
    m_pool.setMaxThreadCount(2);
    m_session = new SessionController(*m_backend, m_pool, this);
    m_scan = new ScanController(*m_backend, m_pool, this);
    m_card = new CardController(*m_backend, this);
    m_review = new ReviewController(*m_backend, this);
    m_sync = new SyncController(*m_backend, m_pool, this);
    m_paper = new PaperController(*m_backend, this);
    m_office = new OfficeController(*m_backend, this);
    connectControllers();
    refreshAll();
}

Station::~Station() {
    m_scan->stop();
    m_backend->stopWork();
    m_pool.waitForDone(); // no worker may outlive the backend it calls
    m_images.reset();     // waits for an image being made from this backend
}

QString Station::schoolName() const {
    return qs(m_backend->schoolName());
}

void Station::refreshAll() {
    m_review->refresh();
    m_sync->refresh();
    m_paper->refresh();
    m_office->refresh();
}

void Station::connectControllers() {
    connect(m_scan, &ScanController::batchFinished, this, &Station::refreshAll);
    connect(m_card, &CardController::corrected, m_scan, &ScanController::cardStatusChanged);
    connect(m_card, &CardController::corrected, this, &Station::refreshAll);
    connect(m_review, &ReviewController::cardRejected, this, &Station::refreshAll);
    connect(m_sync, &SyncController::synced, this, &Station::refreshAll);
    connect(m_session, &SessionController::signedInChanged, this, &Station::refreshAll);
}

namespace {
std::shared_ptr<QTemporaryDir> freshDemoDir() {
    auto dir = std::make_shared<QTemporaryDir>();
    if (!dir->isValid())
        throw Error(ErrorKind::Infrastructure, "demo: cannot create a temporary data directory");
    demo::makeDemoDataDir(dir->path().toStdString());
    return dir;
}

std::unique_ptr<StationBackend> demoBackend(const QString& dir) {
    BackendConfig config;
    config.dataDir = dir.toStdString();
    config.keyDir = demo::demoKeyDir(); // a temporary one: a demo never touches ~/.config
    config.sources = {demo::demoFeederSource(config.dataDir), "hot:" + (config.dataDir / "inbox").string()};
    std::filesystem::create_directories(config.dataDir / "inbox");
    config.badgeSources = {demo::demoBadgeSource(config.dataDir)}; // demo_badges.hpp: the "camera"
    config.hashCost = core::PasswordHashCost::Minimal; // the demo's passwords are published anyway
    config.nameSuffix = " (demo)";
    // The demo delivers to the reference register on this machine when one is given, as the
    // command line does ($SCANSTATION_REGISTER_URL, $SCANSTATION_REGISTER_CLIENT ID:SECRET).
    config.register_ = demo::referenceRegisterFromEnvironment();
    if (!config.register_.url.empty())
        demo::seedReferenceRegister(core::SealedDataDir(config.dataDir, config.keyDir), config.register_);
    return std::make_unique<CoreBackend>(std::move(config));
}
} // namespace

DemoStation::DemoStation(QObject* parent) : DemoStation(freshDemoDir(), parent) {}

DemoStation::DemoStation(std::shared_ptr<QTemporaryDir> dir, QObject* parent)
    : Station(demoBackend(dir->path()), true, parent, dir), m_dataDir(dir->path()) {}

bool DemoStation::showDemoBadge(const QString& name) {
    try { // no exception may cross into QML
        demo::showDemoBadge(m_dataDir.toStdString(), name.toStdString());
        return true;
    } catch (const std::exception& e) {
        qWarning("%s", e.what());
        return false;
    }
}

} // namespace scanstation::ui
