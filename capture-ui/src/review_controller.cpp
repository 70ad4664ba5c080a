#include "scanstation/ui/review_controller.hpp"

#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"

#include <QUrl>

namespace scanstation::ui {

ReviewController::ReviewController(StationBackend& backend, QObject* parent)
    : QObject(parent), m_backend(backend),
      m_items({QStringLiteral("key"), QStringLiteral("serial"), QStringLiteral("fieldId"),
               QStringLiteral("className"), QStringLiteral("day"), QStringLiteral("reason"),
               QStringLiteral("detail"), QStringLiteral("imageUrl")},
              QStringLiteral("key")) {}

void ReviewController::refresh() {
    QVariantList rows;
    for (const auto& item : m_backend.reviewQueue())
        rows.append(QVariantMap{{QStringLiteral("key"), qs(item.cardSerial + "/" + item.fieldId)},
                                {QStringLiteral("serial"), qs(item.cardSerial)},
                                {QStringLiteral("fieldId"), qs(item.fieldId)},
                                {QStringLiteral("className"), qs(item.className)},
                                {QStringLiteral("day"), qs(item.day)},
                                {QStringLiteral("reason"), qs(item.reason)},
                                {QStringLiteral("detail"), qs(item.detail)},
                                {QStringLiteral("imageUrl"), QUrl::fromLocalFile(qs(item.imagePath))}});
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

void ReviewController::setMessage(const QString& message) {
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace scanstation::ui
