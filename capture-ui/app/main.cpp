// scanstation-kiosk — the station for teachers and the secretariat. This file only chooses the
// station (the demo school, or the libraries on the real store) and opens Main.qml; every
// screen lives in the ScanStation.Kiosk QML module, every rule in the libraries.
#include "scanstation/ui/language_switcher.hpp"
#include "scanstation/ui/station.hpp"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(ScanStation_KioskPlugin)

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("scanstation-kiosk"));
    QGuiApplication::setOrganizationName(QStringLiteral("ScanStation"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral("ScanStation kiosk: scan, check and keep paper register cards"));
    args.addHelpOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open on the demo school with a demo scanner"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: pl (default), en, ru"),
                                  QStringLiteral("code"), QStringLiteral("pl"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the first screen to FILE and quit (for docs and smoke tests)"),
                                        QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH, e.g. 1280x800"),
                                  QStringLiteral("size"), QStringLiteral("1280x800"));
    args.addOptions({demo, lang, screenshot, size});
    args.process(app);

    if (!scanstation::ui::LanguageSwitcher::apply(args.value(lang))) {
        std::fprintf(stderr, "scanstation-kiosk: no translation for language '%s' (pl, en, ru)\n",
                     qPrintable(args.value(lang)));
        return 2;
    }
    if (!args.isSet(demo)) {
        // The real station needs core's store and operator accounts; until those calls exist
        // only the demo can run (see capture-ui/include/scanstation/ui/station_backend.hpp).
        std::fprintf(stderr, "scanstation-kiosk: only --demo is available in this build: the "
                             "station's store (scanstation::core) is not wired yet\n");
        return 2;
    }
    auto station = std::make_unique<scanstation::ui::DemoStation>();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    const QStringList wh = args.value(size).split(QLatin1Char('x'));
    engine.setInitialProperties({{QStringLiteral("station"), QVariant::fromValue(station.get())},
                                 {QStringLiteral("width"), wh.value(0).toInt()},
                                 {QStringLiteral("height"), wh.value(1).toInt()}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/ScanStation/Kiosk/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (args.isSet(screenshot)) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        const QString file = args.value(screenshot);
        QTimer::singleShot(1500, &app, [window, file] {
            const bool saved = window && window->grabWindow().save(file);
            if (!saved)
                std::fprintf(stderr, "scanstation-kiosk: could not save a screenshot to %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    const int code = app.exec();
    engine.clearComponentCache();
    return code;
}
