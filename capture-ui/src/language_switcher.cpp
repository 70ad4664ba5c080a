#include "scanstation/ui/language_switcher.hpp"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QTranslator>

namespace scanstation::ui {

namespace {
struct Catalogue {
    QTranslator translator;
    QString language = QStringLiteral("en"); // the source language of every qsTr string
};

Catalogue& catalogue() {
    static Catalogue c;
    return c;
}
} // namespace

LanguageSwitcher::LanguageSwitcher(QObject* parent)
    : QObject(parent), m_language(catalogue().language) {}

bool LanguageSwitcher::apply(const QString& code) {
    auto& c = catalogue();
    QCoreApplication::removeTranslator(&c.translator);
    if (code != QStringLiteral("en")) {
        if (!c.translator.load(QStringLiteral(":/i18n/scanstation_%1.qm").arg(code)))
            return false;
        QCoreApplication::installTranslator(&c.translator);
    }
    c.language = code;
    return true;
}

void LanguageSwitcher::setLanguage(const QString& code) {
    if (code == m_language || !languages().contains(code) || !apply(code))
        return;
    m_language = code;
    emit languageChanged();
    if (auto* engine = qmlEngine(this))
        engine->retranslate();
}

} // namespace scanstation::ui
