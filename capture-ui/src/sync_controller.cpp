#include "scanstation/ui/sync_controller.hpp"

#include "off_thread.hpp"
#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"

namespace scanstation::ui {

SyncController::SyncController(StationBackend& backend, QThreadPool& pool, QObject* parent)
    : QObject(parent), m_backend(backend), m_pool(pool),
      m_outbox({QStringLiteral("recordId"), QStringLiteral("serial"), QStringLiteral("kind"),
                QStringLiteral("queuedAt"), QStringLiteral("attempts")},
               QStringLiteral("recordId")) {
    // The status on screen is re-read often; delivery runs in the background once a minute
    // while anything waits (the sync library's worker backs off and resends within a run),
    // and at once on "try now".
    m_poll.setInterval(std::chrono::seconds(15));
    connect(&m_poll, &QTimer::timeout, this, &SyncController::refresh);
    m_poll.start();
    m_background.setInterval(std::chrono::seconds(60));
    connect(&m_background, &QTimer::timeout, this, [this] {
        if (m_waiting > 0)
            tryNow();
    });
    m_background.start();
}

void SyncController::refresh() {
    try {
        apply(m_backend.syncStatus());
        QVariantList rows;
        for (const auto& e : m_backend.outbox())
            rows.append(QVariantMap{{QStringLiteral("recordId"), qs(e.recordId)},
                                    {QStringLiteral("serial"), qs(e.cardSerial)},
                                    {QStringLiteral("kind"), qs(e.kind)},
                                    {QStringLiteral("queuedAt"), toDateTime(e.queuedAt)},
                                    {QStringLiteral("attempts"), e.attempts}});
        m_outbox.setRows(rows);
    } catch (const std::exception& e) {
        m_lastError = QString::fromStdString(e.what());
        emit statusChanged();
    }
}

void SyncController::tryNow() {
    if (m_busy)
        return;
    setBusy(true);
    runOffUiThread(
        &m_pool, this, [&backend = m_backend] { return backend.syncNow(); },
        [this](const std::optional<SyncStatus>& status, const QString& error) {
            setBusy(false);
            refresh();
            if (!status) {
                m_lastError = error;
                emit statusChanged();
                return;
            }
            emit synced();
        });
}

void SyncController::apply(const SyncStatus& status) {
    m_online = status.online;
    m_since = toDateTime(status.since);
    m_waiting = status.waiting;
    m_oldestWaiting = toDateTime(status.oldestWaiting);
    m_lastError = qs(status.lastError);
    emit statusChanged();
}

void SyncController::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

} // namespace scanstation::ui
