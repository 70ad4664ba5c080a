#include "scanstation/ui/office_controller.hpp"

#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"

namespace scanstation::ui {

OfficeController::OfficeController(StationBackend& backend, QObject* parent)
    : QObject(parent), m_backend(backend),
      m_roster({QStringLiteral("key"), QStringLiteral("className"), QStringLiteral("number"),
                QStringLiteral("name"), QStringLiteral("note")},
               QStringLiteral("key")),
      m_audit({QStringLiteral("time"), QStringLiteral("operatorName"), QStringLiteral("action"),
               QStringLiteral("subject"), QStringLiteral("detail")},
              QString()) {}

void OfficeController::refresh() {
    m_classes = toStringList(m_backend.classes());
    loadRoster();
    QVariantList audit;
    for (const auto& a : m_backend.auditLog())
        audit.append(QVariantMap{{QStringLiteral("time"), toDateTime(a.time)},
                                 {QStringLiteral("operatorName"), qs(a.operatorName)},
                                 {QStringLiteral("action"), qs(a.action)},
                                 {QStringLiteral("subject"), qs(a.subject)},
                                 {QStringLiteral("detail"), qs(a.detail)}});
    m_audit.setRows(audit);
    emit refreshed();
}

void OfficeController::showRoster() {
    m_rosterShown = true;
    loadRoster();
}

void OfficeController::hideRoster() {
    m_rosterShown = false;
    loadRoster();
}

// Reads the roster while it is shown (each read is recorded as a view), else forgets it.
void OfficeController::loadRoster() {
    QVariantList roster;
    QStringList classes;
    const auto entries = m_rosterShown ? m_backend.roster() : std::vector<RosterEntry>{};
    for (const auto& r : entries) {
        roster.append(QVariantMap{{QStringLiteral("key"), qs(r.className) + QString::number(r.number)},
                                  {QStringLiteral("className"), qs(r.className)},
                                  {QStringLiteral("number"), r.number},
                                  {QStringLiteral("name"), qs(r.name)},
                                  {QStringLiteral("note"), qs(r.note)}});
        if (!classes.contains(qs(r.className)))
            classes.append(qs(r.className));
    }
    m_roster.setRows(roster);
    m_rosterClasses = classes;
    emit rosterChanged();
}

bool OfficeController::printCards(const QString& className, const QString& fromDay,
                                  const QString& toDay) {
    try {
        setMessage(qs(m_backend.printCards(className.toStdString(), fromDay.toStdString(),
                                           toDay.toStdString())));
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()));
        return false;
    }
    refresh();
    return true;
}

bool OfficeController::printOutageCards(int count) {
    try {
        setMessage(qs(m_backend.printOutageCards(count)));
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()));
        return false;
    }
    refresh();
    return true;
}

void OfficeController::setMessage(const QString& message) {
    m_message = message;
    emit messageChanged();
}

} // namespace scanstation::ui
