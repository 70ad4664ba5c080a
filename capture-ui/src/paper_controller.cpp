#include "scanstation/ui/paper_controller.hpp"

#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"

namespace scanstation::ui {

PaperController::PaperController(StationBackend& backend, QObject* parent)
    : QObject(parent), m_backend(backend),
      m_days({QStringLiteral("day"), QStringLiteral("labelCode"), QStringLiteral("cards"),
              QStringLiteral("eligible"), QStringLiteral("shredded")},
             QStringLiteral("day")),
      m_cards({QStringLiteral("serial"), QStringLiteral("day"), QStringLiteral("lesson"),
               QStringLiteral("eligible"), QStringLiteral("shredded"), QStringLiteral("reason")},
              QStringLiteral("serial")) {}

void PaperController::refresh() {
    QVariantList days;
    for (const auto& d : m_backend.custodyDays())
        days.append(QVariantMap{{QStringLiteral("day"), qs(d.day)},
                                {QStringLiteral("labelCode"), qs(d.labelCode)},
                                {QStringLiteral("cards"), d.cards},
                                {QStringLiteral("eligible"), d.eligible},
                                {QStringLiteral("shredded"), d.shredded}});
    m_days.setRows(days);
    QVariantList cards;
    for (const auto& c : m_backend.custodyCards())
        cards.append(QVariantMap{{QStringLiteral("serial"), qs(c.serial)},
                                 {QStringLiteral("day"), qs(c.day)},
                                 {QStringLiteral("lesson"), qs(c.lesson)},
                                 {QStringLiteral("eligible"), c.eligible},
                                 {QStringLiteral("shredded"), c.shredded},
                                 {QStringLiteral("reason"), qs(c.reason)}});
    m_cards.setRows(cards);
}

bool PaperController::confirmShredded(const QString& code) {
    try {
        const auto outcome = m_backend.confirmShredded(code.trimmed().toStdString());
        setMessage(qs(outcome.message), outcome.accepted);
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()), false);
    }
    refresh();
    return m_lastAccepted;
}

QString PaperController::printLabel(const QString& day) {
    try {
        const auto path = qs(m_backend.printCustodyLabel(day.toStdString()));
        setMessage(path, true);
        return path;
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()), false);
        return {};
    }
}

QString PaperController::writeProtocol(const QString& day) {
    try {
        const auto path = qs(m_backend.writeShreddingProtocol(day.toStdString()));
        setMessage(path, true);
        return path;
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()), false);
        return {};
    }
}

void PaperController::setMessage(const QString& message, bool accepted) {
    m_message = message;
    m_lastAccepted = accepted;
    emit messageChanged();
}

} // namespace scanstation::ui
