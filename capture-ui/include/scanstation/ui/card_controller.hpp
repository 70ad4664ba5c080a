#pragma once
// One card as read: the page image, each field's rectangle in millimetres and its marks, and
// the correction of a flagged field (core decides whether it is allowed and audits it).
#include "record_list_model.hpp"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class StationBackend;

class CardController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(QString serial READ serial NOTIFY cardChanged)
    Q_PROPERTY(QUrl imageUrl READ imageUrl NOTIFY cardChanged)
    Q_PROPERTY(double pageWidthMm READ pageWidthMm NOTIFY cardChanged)
    Q_PROPERTY(double pageHeightMm READ pageHeightMm NOTIFY cardChanged)
    Q_PROPERTY(QString className READ className NOTIFY cardChanged)
    Q_PROPERTY(QString lesson READ lesson NOTIFY cardChanged)
    Q_PROPERTY(QString status READ status NOTIFY cardChanged)
    Q_PROPERTY(int flaggedCount READ flaggedCount NOTIFY cardChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(scanstation::ui::RecordListModel* fields READ fields CONSTANT)

public:
    explicit CardController(StationBackend& backend, QObject* parent = nullptr);

    QString serial() const { return m_serial; }
    QUrl imageUrl() const { return m_imageUrl; }
    double pageWidthMm() const { return m_pageWidthMm; }
    double pageHeightMm() const { return m_pageHeightMm; }
    QString className() const { return m_className; }
    QString lesson() const { return m_lesson; }
    QString status() const { return m_status; }
    int flaggedCount() const { return m_flaggedCount; }
    QString message() const { return m_message; }
    RecordListModel* fields() { return &m_fields; }

    Q_INVOKABLE bool open(const QString& serial);
    Q_INVOKABLE bool correct(const QString& fieldId, const QString& value, const QString& reason);
    Q_INVOKABLE void close();

signals:
    void cardChanged();
    void messageChanged();
    void corrected(const QString& serial, const QString& status);

private:
    void setMessage(const QString& message);

    StationBackend& m_backend;
    RecordListModel m_fields;
    QString m_serial;
    QUrl m_imageUrl;
    double m_pageWidthMm = 210;
    double m_pageHeightMm = 297;
    QString m_className;
    QString m_lesson;
    QString m_status;
    int m_flaggedCount = 0;
    QString m_message;
};

} // namespace scanstation::ui
