#pragma once
// Switches the interface language at run time: loads the compiled Qt Linguist catalogue from
// the resources (:/i18n/scanstation_<code>.qm) and retranslates every qsTr binding.
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class LanguageSwitcher : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    QString language() const { return m_language; }
    void setLanguage(const QString& code);
    QStringList languages() const { return {QStringLiteral("pl"), QStringLiteral("en"), QStringLiteral("ru")}; }

    // Installs the catalogue for `code` as the application's one translation (translators are
    // application-wide in Qt). main.cpp calls it before the first window; false when the
    // catalogue is missing from the resources.
    static bool apply(const QString& code);

signals:
    void languageChanged();

private:
    QString m_language;
};

} // namespace scanstation::ui
