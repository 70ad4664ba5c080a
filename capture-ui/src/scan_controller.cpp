#include "scanstation/ui/scan_controller.hpp"

#include "off_thread.hpp"
#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"
#include "scanstation/ui/station_images.hpp"

#include <QUrl>

namespace scanstation::ui {

namespace {
QString verdictName(Verdict v) {
    switch (v) {
    case Verdict::Read: return QStringLiteral("read");
    case Verdict::CheckThis: return QStringLiteral("check");
    case Verdict::Rejected: return QStringLiteral("rejected");
    case Verdict::NotACard: return QStringLiteral("notCard");
    case Verdict::Duplicate: return QStringLiteral("duplicate");
    }
    return {};
}
} // namespace

ScanController::ScanController(StationBackend& backend, QThreadPool& pool, QObject* parent)
    : QObject(parent), m_backend(backend), m_pool(pool),
      m_pages({QStringLiteral("pageId"), QStringLiteral("imageUrl"), QStringLiteral("verdict"),
               QStringLiteral("serial"), QStringLiteral("className"), QStringLiteral("lesson"),
               QStringLiteral("issues")},
              QStringLiteral("pageId")),
      m_sources(toStringList(backend.sourceNames())) {
    if (!m_sources.isEmpty())
        m_source = m_sources.first();
}

ScanController::~ScanController() {
    stop();
}

void ScanController::setSource(const QString& source) {
    if (source == m_source || m_running)
        return;
    m_source = source;
    emit sourceChanged();
}

void ScanController::start() {
    if (m_running || m_source.isEmpty())
        return;
    m_pages.clear();
    m_total = 0;
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    setLastError({});
    setRunning(true);
    emit progressChanged();
    // One job runs the batch in feeder order; each page is posted back as soon as it is
    // stored, so the screen fills while the rest is still being read.
    runOffUiThread(
        &m_pool, this,
        [this, &backend = m_backend, source = m_source.toStdString()] {
            return backend.scan(source, [this](const PageOutcome& outcome) {
                QMetaObject::invokeMethod(this, [this, outcome] { addPage(outcome); }, Qt::QueuedConnection);
            });
        },
        [this](const std::optional<std::string>& end, const QString& error) {
            setLastError(error);
            m_batchEnd = end ? qs(*end) : QString();
            setRunning(false);
            emit batchFinished();
        });
}

void ScanController::stop() {
    if (m_running)
        m_backend.cancelScan();
}

void ScanController::addPage(const PageOutcome& outcome) {
    const auto verdict = verdictName(outcome.verdict);
    m_pages.append({{QStringLiteral("pageId"), qs(outcome.pageId)},
                    {QStringLiteral("imageUrl"), pageImageUrl(m_backend, outcome.pageId)},
                    {QStringLiteral("verdict"), verdict},
                    {QStringLiteral("serial"), qs(outcome.cardSerial)},
                    {QStringLiteral("className"), qs(outcome.className)},
                    {QStringLiteral("lesson"), qs(outcome.lesson)},
                    {QStringLiteral("issues"), toStringList(outcome.issues).join(QStringLiteral("; "))}});
    ++m_counts[static_cast<int>(outcome.verdict)];
    m_total = processed(); // a feeder does not say how many sheets it holds
    emit progressChanged();
    if (outcome.verdict == Verdict::CheckThis || outcome.verdict == Verdict::Rejected)
        emit attention(verdict);
}

void ScanController::cardStatusChanged(const QString& serial, const QString& status) {
    if (status != QStringLiteral("accepted"))
        return;
    for (int row = 0; row < m_pages.rowCount(); ++row) {
        auto page = m_pages.get(row);
        if (page.value(QStringLiteral("serial")) != serial ||
            page.value(QStringLiteral("verdict")) != QStringLiteral("check"))
            continue;
        page[QStringLiteral("verdict")] = QStringLiteral("read");
        page[QStringLiteral("issues")] = QString();
        m_pages.upsert(page);
        --m_counts[static_cast<int>(Verdict::CheckThis)];
        ++m_counts[static_cast<int>(Verdict::Read)];
        emit progressChanged();
    }
}

void ScanController::setRunning(bool running) {
    if (running == m_running)
        return;
    m_running = running;
    emit runningChanged();
}

void ScanController::setLastError(const QString& error) {
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

} // namespace scanstation::ui
