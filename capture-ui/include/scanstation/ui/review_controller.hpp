#pragma once
// The review queue: everything core flagged or rejected, with the reason; rejecting a card,
// assigning an outage card to its lesson.
#include "record_list_model.hpp"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class StationBackend;

class ReviewController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(scanstation::ui::RecordListModel* items READ items CONSTANT)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit ReviewController(StationBackend& backend, QObject* parent = nullptr);

    RecordListModel* items() { return &m_items; }
    QString message() const { return m_message; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool reject(const QString& serial, const QString& reason);
    // An outage card's item: the lesson (class, YYYY-MM-DD, lesson number) written on the card.
    Q_INVOKABLE bool assignOutageCard(qlonglong itemId, const QString& className, const QString& day,
                                      int lessonNumber, const QString& reason);

signals:
    void messageChanged();
    void cardRejected(const QString& serial);

private:
    void setMessage(const QString& message);

    StationBackend& m_backend;
    RecordListModel m_items;
    QString m_message;
};

} // namespace scanstation::ui
