#pragma once
// The quieter screens: the roster, the audit log (read-only) and printing cards.
// The roster is pupils' data: it is read (and recorded as viewed, by core) only while the
// Roster screen shows it, between showRoster() and hideRoster().
#include "record_list_model.hpp"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class StationBackend;

class OfficeController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(QStringList classes READ classes NOTIFY refreshed)
    Q_PROPERTY(scanstation::ui::RecordListModel* roster READ roster CONSTANT)
    Q_PROPERTY(QStringList rosterClasses READ rosterClasses NOTIFY rosterChanged) // classes in the roster shown
    Q_PROPERTY(scanstation::ui::RecordListModel* audit READ audit CONSTANT)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit OfficeController(StationBackend& backend, QObject* parent = nullptr);

    QStringList classes() const { return m_classes; }
    RecordListModel* roster() { return &m_roster; }
    QStringList rosterClasses() const { return m_rosterClasses; }
    RecordListModel* audit() { return &m_audit; }
    QString message() const { return m_message; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void showRoster();
    Q_INVOKABLE void hideRoster();
    Q_INVOKABLE bool printCards(const QString& className, const QString& fromDay, const QString& toDay);
    Q_INVOKABLE bool printOutageCards(int count);

signals:
    void refreshed();
    void rosterChanged();
    void messageChanged();

private:
    void setMessage(const QString& message);
    void loadRoster();

    StationBackend& m_backend;
    RecordListModel m_roster;
    RecordListModel m_audit;
    QStringList m_classes;
    QStringList m_rosterClasses;
    bool m_rosterShown = false;
    QString m_message;
};

} // namespace scanstation::ui
