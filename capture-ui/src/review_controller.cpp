#include "scanstation/ui/review_controller.hpp"

#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"
#include "scanstation/ui/station_images.hpp"

#include <QUrl>

namespace scanstation::ui {

ReviewController::ReviewController(StationBackend& backend, QObject* parent)
    : QObject(parent), m_backend(backend),
      m_items({QStringLiteral("key"), QStringLiteral("serial"), QStringLiteral("fieldId"),
               QStringLiteral("className"), QStringLiteral("day"), QStringLiteral("reason"),
               QStringLiteral("detail"), QStringLiteral("imageUrl"), QStringLiteral("cropUrl"), QStringLiteral("itemId"),
               QStringLiteral("code"), QStringLiteral("administratorOnly")},
              QStringLiteral("key")) {}

void ReviewController::refresh() {
    QVariantList rows;
    for (const auto& item : m_backend.reviewQueue())
        rows.append(QVariantMap{{QStringLiteral("key"), QString::number(item.itemId)},
                                {QStringLiteral("itemId"), static_cast<qlonglong>(item.itemId)},
                                {QStringLiteral("code"), qs(item.code)},
                                {QStringLiteral("administratorOnly"), item.administratorOnly},
                                {QStringLiteral("serial"), qs(item.cardSerial)},
                                {QStringLiteral("fieldId"), qs(item.fieldId)},
                                {QStringLiteral("className"), qs(item.className)},
                                {QStringLiteral("day"), qs(item.day)},
                                {QStringLiteral("reason"), qs(item.reason)},
                                {QStringLiteral("detail"), qs(item.detail)},
                                {QStringLiteral("imageUrl"), pageImageUrl(m_backend, item.pageId)},
                                // a flagged field is shown as its row, straightened
                                {QStringLiteral("cropUrl"), fieldCropUrl(m_backend, item.cardSerial, item.fieldId)}});
    m_items.setRows(rows);
}

bool ReviewController::reject(const QString& serial, const QString& reason) {
    try {
        m_backend.rejectCard(serial.toStdString(), reason.toStdString());
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()));
        return false;
    }
    setMessage({});
    refresh();
    emit cardRejected(serial);
    return true;
}

bool ReviewController::assignOutageCard(qlonglong itemId, const QString& className, const QString& day,
                                        int lessonNumber, const QString& reason) {
    try {
        m_backend.assignOutageCard(itemId, className.toStdString(), day.toStdString(), lessonNumber,
                                   reason.toStdString());
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what())); // core's refusal, in its words
        return false;
    }
    setMessage({});
    refresh();
    emit cardRejected(QString()); // the station re-reads every list
    return true;
}

void ReviewController::setMessage(const QString& message) {
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace scanstation::ui
