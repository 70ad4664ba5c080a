#include "scanstation/ui/station.hpp"

#include "demo_backend.hpp"
#include "qt_convert.hpp"
#include "scanstation/ui/card_controller.hpp"
#include "scanstation/ui/office_controller.hpp"
#include "scanstation/ui/paper_controller.hpp"
#include "scanstation/ui/review_controller.hpp"
#include "scanstation/ui/scan_controller.hpp"
#include "scanstation/ui/session_controller.hpp"
#include "scanstation/ui/station_backend.hpp"
#include "scanstation/ui/sync_controller.hpp"

namespace scanstation::ui {

Station::Station(std::unique_ptr<StationBackend> backend, bool demo, QObject* parent)
    : QObject(parent), m_backend(std::move(backend)), m_demo(demo) {
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
    m_pool.waitForDone(); // no worker may outlive the backend it calls
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

DemoStation::DemoStation(QObject* parent) : Station(std::make_unique<DemoBackend>(), true, parent) {}

} // namespace scanstation::ui
