#pragma once
// One card as read: the page image, each field's rectangle in millimetres and its marks, where
// the card lies on the page (the frame recognition found), and the correction of a flagged
// field (core decides whether it is allowed and audits it).
#include "record_list_model.hpp"

#include <QMatrix4x4>
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
    // Card mm -> pixels of the page image, as a projective 4x4 matrix for a QML Matrix4x4
    // transform (z passes through); identity and hasFrame false when the reading has no frame.
    Q_PROPERTY(bool hasFrame READ hasFrame NOTIFY cardChanged)
    Q_PROPERTY(QMatrix4x4 cardToPage READ cardToPage NOTIFY cardChanged)
    Q_PROPERTY(int rotationDegrees READ rotationDegrees NOTIFY cardChanged) // the card's clockwise turn
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
    bool hasFrame() const { return m_hasFrame; }
    QMatrix4x4 cardToPage() const { return m_cardToPage; }
    int rotationDegrees() const { return m_rotationDegrees; }
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
    bool m_hasFrame = false;
    QMatrix4x4 m_cardToPage;
    int m_rotationDegrees = 0;
    QString m_className;
    QString m_lesson;
    QString m_status;
    int m_flaggedCount = 0;
    QString m_message;
};

} // namespace scanstation::ui
