#pragma once
// A batch from a page source: each page is ingested (recognised, validated, stored) by the
// libraries on a worker thread and streams into `pages` as soon as it is done.
#include "record_list_model.hpp"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>


class QThreadPool;

namespace scanstation::ui {

class StationBackend;
struct PageOutcome;

class ScanController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(QStringList sources READ sources CONSTANT)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int total READ total NOTIFY progressChanged)
    Q_PROPERTY(int processed READ processed NOTIFY progressChanged)
    Q_PROPERTY(int readCount READ readCount NOTIFY progressChanged)
    Q_PROPERTY(int checkCount READ checkCount NOTIFY progressChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY progressChanged)
    Q_PROPERTY(int notCardCount READ notCardCount NOTIFY progressChanged)
    Q_PROPERTY(int duplicateCount READ duplicateCount NOTIFY progressChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    // How the last batch ended ("feeder_empty", "exhausted", ...), from the source.
    Q_PROPERTY(QString batchEnd READ batchEnd NOTIFY runningChanged)
    Q_PROPERTY(scanstation::ui::RecordListModel* pages READ pages CONSTANT)

public:
    ScanController(StationBackend& backend, QThreadPool& pool, QObject* parent = nullptr);
    ~ScanController() override;

    QStringList sources() const { return m_sources; }
    QString source() const { return m_source; }
    void setSource(const QString& source);
    bool running() const { return m_running; }
    int total() const { return m_total; }
    int processed() const { return m_counts[0] + m_counts[1] + m_counts[2] + m_counts[3] + m_counts[4]; }
    int readCount() const { return m_counts[0]; }
    int checkCount() const { return m_counts[1]; }
    int rejectedCount() const { return m_counts[2]; }
    int notCardCount() const { return m_counts[3]; }
    int duplicateCount() const { return m_counts[4]; }
    QString lastError() const { return m_lastError; }
    QString batchEnd() const { return m_batchEnd; }
    RecordListModel* pages() { return &m_pages; }

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    // After a correction the card's verdict may change; the caller passes core's new status.
    Q_INVOKABLE void cardStatusChanged(const QString& serial, const QString& status);

signals:
    void sourceChanged();
    void runningChanged();
    void progressChanged();
    void lastErrorChanged();
    // A page that needs the operator (check this, rejected): for a colour and a sound.
    void attention(const QString& verdict);
    void batchFinished();

private:
    void addPage(const PageOutcome& outcome);
    void setRunning(bool running);
    void setLastError(const QString& error);

    StationBackend& m_backend;
    QThreadPool& m_pool;
    RecordListModel m_pages;
    QStringList m_sources;
    QString m_source;
    bool m_running = false;
    int m_total = 0;
    int m_counts[5] = {0, 0, 0, 0, 0}; // read, check, rejected, not a card, duplicate
    QString m_lastError;
    QString m_batchEnd;
};

} // namespace scanstation::ui
