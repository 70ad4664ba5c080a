#pragma once
// The sync status for people, background delivery and "try now". The sync library decides what
// is sent and when a record leaves the outbox; this class polls its status and runs the
// library's worker on a worker thread (in the background every minute while records wait).
#include "record_list_model.hpp"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QThreadPool;

namespace scanstation::ui {

class StationBackend;
struct SyncStatus;

class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(bool online READ online NOTIFY statusChanged)
    Q_PROPERTY(QDateTime since READ since NOTIFY statusChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY statusChanged)
    Q_PROPERTY(QDateTime oldestWaiting READ oldestWaiting NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(scanstation::ui::RecordListModel* outbox READ outbox CONSTANT)

public:
    SyncController(StationBackend& backend, QThreadPool& pool, QObject* parent = nullptr);

    bool online() const { return m_online; }
    QDateTime since() const { return m_since; }
    int waiting() const { return m_waiting; }
    QDateTime oldestWaiting() const { return m_oldestWaiting; }
    QString lastError() const { return m_lastError; }
    bool busy() const { return m_busy; }
    RecordListModel* outbox() { return &m_outbox; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void tryNow();

signals:
    void statusChanged();
    void busyChanged();
    void synced();

private:
    void apply(const SyncStatus& status);
    void setBusy(bool busy);

    StationBackend& m_backend;
    QThreadPool& m_pool;
    RecordListModel m_outbox;
    QTimer m_poll;
    QTimer m_background; // the background delivery
    bool m_online = false;
    QDateTime m_since;
    int m_waiting = 0;
    QDateTime m_oldestWaiting;
    QString m_lastError;
    bool m_busy = false;
};

} // namespace scanstation::ui
