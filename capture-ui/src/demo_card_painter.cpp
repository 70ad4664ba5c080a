#include "demo_card_painter.hpp"

#include <QPainter>
#include <QRandomGenerator>

namespace scanstation::ui::demo {

namespace {
constexpr double kPxPerMm = kDemoDpi / 25.4;

QPointF px(core::PointMm p) { return {p.x * kPxPerMm, p.y * kPxPerMm}; }
double px(double mm) { return mm * kPxPerMm; }
QRectF px(core::RectMm r) { return {px(r.x), px(r.y), px(r.width), px(r.height)}; }

void drawMarks(QPainter& p, const core::CardTemplate& t) {
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    for (const auto& m : t.registrationMarks)
        p.drawRect(QRectF(px(m.centre) - QPointF(px(m.size / 2), px(m.size / 2)),
                          QSizeF(px(m.size), px(m.size))));
}

// A pattern that looks like a QR code; the demo knows the serial without decoding it.
void drawIdentityCode(QPainter& p, const core::CardTemplate& t, const DemoPage& page) {
    const QRectF area = px(t.identityCodeRegion);
    const int modules = 25;
    const double cell = area.width() / modules;
    QRandomGenerator rng(static_cast<quint32>(qHash(QString::fromStdString(page.serial))));
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    for (int y = 0; y < modules; ++y)
        for (int x = 0; x < modules; ++x) {
            const bool finder = (x < 7 && y < 7) || (x >= modules - 7 && y < 7) || (x < 7 && y >= modules - 7);
            const bool on = finder ? (x % 6 == 0 || y % 6 == 0 || (x % 6 >= 2 && x % 6 <= 4 && y % 6 >= 2 && y % 6 <= 4))
                                   : rng.bounded(2) == 1;
            if (on)
                p.drawRect(QRectF(area.x() + x * cell, area.y() + y * cell, cell, cell));
        }
    if (page.kind == PageKind::CodeUnreadable) { // a coffee stain over the code
        p.setBrush(QColor(120, 85, 50, 200));
        p.drawEllipse(area.center(), area.width() * 0.45, area.height() * 0.4);
    }
}

void drawHeader(QPainter& p, const DemoPage& page) {
    p.setPen(Qt::black);
    QFont title(QStringLiteral("DejaVu Sans"), 20, QFont::Bold);
    p.setFont(title);
    p.drawText(QPointF(px(20), px(30)), QStringLiteral("KARTA OBECNOŚCI"));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
    p.drawText(QPointF(px(20), px(40)), QStringLiteral("Klasa %1   Data %2   Lekcja %3")
                                            .arg(QString::fromStdString(page.className),
                                                 QString::fromStdString(page.day))
                                            .arg(page.lessonNumber));
    p.drawText(QPointF(px(20), px(48)), QStringLiteral("Przedmiot: %1").arg(QString::fromStdString(page.subject)));
    p.drawText(QPointF(px(20), px(56)), QStringLiteral("Nr karty: %1").arg(QString::fromStdString(page.serial)));
    // The handwritten topic line.
    p.drawText(QPointF(px(20), px(66)), QStringLiteral("Temat:"));
    QPen hand(QColor(20, 40, 140), 2);
    p.setPen(hand);
    p.drawLine(QPointF(px(36), px(65)), QPointF(px(110), px(63)));
}

void drawRows(QPainter& p, const core::CardTemplate& t, const DemoPage& page, const std::vector<std::string>& names) {
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    const auto codes = attendanceCodes();
    for (std::size_t i = 0; i < codes.size(); ++i)
        p.drawText(QPointF(px(t.fields[0].options[i].centre.x - 3), px(74)), QString::fromStdString(codes[i]));
    for (const auto& field : t.fields) {
        const int row = *field.row;
        const double y = field.options[0].centre.y;
        p.setPen(Qt::black);
        p.drawText(QPointF(px(20), px(y + 2)), QStringLiteral("%1. %2").arg(row + 1).arg(QString::fromStdString(names[row])));
        p.setPen(QColor(200, 200, 200));
        p.drawLine(QPointF(px(18), px(y + 8)), QPointF(px(192), px(y + 8)));
        for (const auto& option : field.options) {
            const bool marked = page.attendance[row] == option.value;
            const bool faint = marked && page.kind == PageKind::FaintMark && row == page.flaggedRow;
            const bool second = page.kind == PageKind::DoubleMark && row == page.flaggedRow && option.value == "u";
            p.setPen(QPen(QColor(90, 90, 90), 1.5));
            p.setBrush(faint ? QColor(175, 175, 190) : (marked || second) ? QColor(25, 25, 60) : Qt::transparent);
            p.drawEllipse(px(option.centre), px(option.radius), px(option.radius));
        }
    }
}

QImage paintLetter() {
    QImage image(static_cast<int>(px(210)), static_cast<int>(px(297)), QImage::Format_RGB32);
    image.fill(QColor(246, 244, 238));
    QPainter p(&image);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 14, QFont::Bold));
    p.drawText(QPointF(px(25), px(40)), QStringLiteral("Zaproszenie na zebranie z rodzicami"));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    for (int line = 0; line < 14; ++line)
        p.drawLine(QPointF(px(25), px(60 + line * 9)), QPointF(px(line % 4 == 3 ? 120 : 185), px(60 + line * 9)));
    return image;
}
} // namespace

QImage paintPage(const DemoPage& page, const core::CardTemplate& layout) {
    if (page.kind == PageKind::NotACard)
        return paintLetter();
    QImage image(static_cast<int>(px(layout.pageWidthMm)), static_cast<int>(px(layout.pageHeightMm)),
                 QImage::Format_RGB32);
    image.fill(QColor(248, 248, 244));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    std::vector<std::string> names;
    for (const auto& pupil : pupils())
        if (pupil.className == page.className)
            names.push_back(pupil.name);
    drawMarks(p, layout);
    drawIdentityCode(p, layout, page);
    drawHeader(p, page);
    drawRows(p, layout, page, names);
    return image;
}

} // namespace scanstation::ui::demo
