#include "scanstation/ui/card_controller.hpp"

#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"
#include "scanstation/ui/station_images.hpp"

namespace scanstation::ui {

namespace {
QVariantList marksOf(const CardFieldView& field) {
    QVariantList marks;
    for (const auto& m : field.marks)
        marks.append(QVariantMap{{QStringLiteral("xMm"), m.xMm},
                                 {QStringLiteral("yMm"), m.yMm},
                                 {QStringLiteral("radiusMm"), m.radiusMm},
                                 {QStringLiteral("value"), qs(m.value)},
                                 {QStringLiteral("marked"), m.marked}});
    return marks;
}

// The 3x3 homography h as a 4x4 matrix acting on (x, y, z, 1): z passes through, and the
// projective row stays projective, so Qt Quick maps and draws through it exactly.
QMatrix4x4 projective(const std::array<double, 9>& h) {
    const auto f = [&](std::size_t i) { return static_cast<float>(h[i]); };
    return QMatrix4x4(f(0), f(1), 0, f(2), //
                      f(3), f(4), 0, f(5), //
                      0, 0, 1, 0,          //
                      f(6), f(7), 0, f(8));
}

QVariantMap rowOf(const CardFieldView& field) {
    return {{QStringLiteral("fieldId"), qs(field.id)},
            {QStringLiteral("label"), qs(field.label)},
            {QStringLiteral("xMm"), field.xMm},
            {QStringLiteral("yMm"), field.yMm},
            {QStringLiteral("widthMm"), field.widthMm},
            {QStringLiteral("heightMm"), field.heightMm},
            {QStringLiteral("value"), qs(field.value)},
            {QStringLiteral("options"), toStringList(field.options)},
            {QStringLiteral("marks"), marksOf(field)},
            {QStringLiteral("flagged"), field.flagged},
            {QStringLiteral("reason"), qs(field.reason)}};
}
} // namespace

CardController::CardController(StationBackend& backend, QObject* parent)
    : QObject(parent), m_backend(backend),
      m_fields({QStringLiteral("fieldId"), QStringLiteral("label"), QStringLiteral("xMm"),
                QStringLiteral("yMm"), QStringLiteral("widthMm"), QStringLiteral("heightMm"),
                QStringLiteral("value"), QStringLiteral("options"), QStringLiteral("marks"),
                QStringLiteral("flagged"), QStringLiteral("reason")},
               QStringLiteral("fieldId")) {}

bool CardController::open(const QString& serial) {
    CardView card;
    try {
        card = m_backend.card(serial.toStdString());
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()));
        return false;
    }
    m_serial = qs(card.serial);
    m_imageUrl = pageImageUrl(m_backend, card.pageId);
    m_pageWidthMm = card.pageWidthMm;
    m_pageHeightMm = card.pageHeightMm;
    m_hasFrame = card.cardToPage.has_value();
    m_cardToPage = m_hasFrame ? projective(*card.cardToPage) : QMatrix4x4();
    m_rotationDegrees = card.rotationDegrees;
    m_className = qs(card.className);
    m_lesson = qs(card.lesson);
    m_status = qs(card.status);
    QVariantList rows;
    m_flaggedCount = 0;
    for (const auto& field : card.fields) {
        rows.append(rowOf(field));
        m_flaggedCount += field.flagged ? 1 : 0;
    }
    m_fields.setRows(rows);
    setMessage({});
    emit cardChanged();
    return true;
}

bool CardController::correct(const QString& fieldId, const QString& value, const QString& reason) {
    try {
        m_backend.correct(m_serial.toStdString(), fieldId.toStdString(), value.toStdString(),
                          reason.toStdString());
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what())); // core's refusal, in its words
        return false;
    }
    const QString serial = m_serial;
    open(serial);
    emit corrected(serial, m_status);
    return true;
}

void CardController::close() {
    m_serial.clear();
    m_imageUrl.clear();
    m_hasFrame = false;
    m_cardToPage.setToIdentity();
    m_rotationDegrees = 0;
    m_status.clear();
    m_flaggedCount = 0;
    m_fields.clear();
    emit cardChanged();
}

void CardController::setMessage(const QString& message) {
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace scanstation::ui
