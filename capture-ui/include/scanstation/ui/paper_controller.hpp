#pragma once
// Paper custody: the cards held by day, the confirmation of each card as it is shredded (core
// refuses a card the register has not acknowledged) and the shredding protocol.
#include "record_list_model.hpp"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class StationBackend;

class PaperController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(scanstation::ui::RecordListModel* days READ days CONSTANT)
    Q_PROPERTY(scanstation::ui::RecordListModel* cards READ cards CONSTANT)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool lastAccepted READ lastAccepted NOTIFY messageChanged)

public:
    explicit PaperController(StationBackend& backend, QObject* parent = nullptr);

    RecordListModel* days() { return &m_days; }
    RecordListModel* cards() { return &m_cards; }
    QString message() const { return m_message; }
    bool lastAccepted() const { return m_lastAccepted; }

    Q_INVOKABLE void refresh();
    // A code typed by the handheld reader (a card serial or a day's label code).
    Q_INVOKABLE bool confirmShredded(const QString& code);
    Q_INVOKABLE QString writeProtocol(const QString& day);
    // The label for the day's stack (a PDF for the printer); empty when core refused.
    Q_INVOKABLE QString printLabel(const QString& day);

signals:
    void messageChanged();

private:
    void setMessage(const QString& message, bool accepted);

    StationBackend& m_backend;
    RecordListModel m_days;
    RecordListModel m_cards;
    QString m_message;
    bool m_lastAccepted = false;
};

} // namespace scanstation::ui
