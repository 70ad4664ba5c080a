// scanstation-kiosk — the station for teachers and the secretariat. This file only chooses the
// station (the store in --data DIR, or a fresh demo station) and opens Main.qml; every
// screen lives in the ScanStation.Kiosk QML module, every rule in the libraries.
#include "scanstation/ui/language_switcher.hpp"
#include "scanstation/ui/station.hpp"
#include "scanstation/ui/station_images.hpp"

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
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open on a fresh demo station (core's demo school, demo operators, a "
                                                 "feeder of filled demo cards); removed at exit"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The station's data directory (its store)"),
                                  QStringLiteral("dir"));
    const QCommandLineOption keys(QStringLiteral("keys"),
                                  QStringLiteral("The key directory, apart from the data (else $SCANSTATION_KEYS, else "
                                                 "~/.config/scanstation/keys)"),
                                  QStringLiteral("dir"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("The station configuration (default: $SCANSTATION_CONFIG, else "
                                                   "/etc/scanstation/station.conf when it exists)"),
                                    QStringLiteral("file"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("A page source (repeatable): sane[:DEVICE], hot:FOLDER, folder:FOLDER, "
                                                   "camera[:N]; default: sane, hot:DATA/inbox, camera"),
                                    QStringLiteral("spec"));
    const QCommandLineOption registerUrl(QStringLiteral("register"),
                                         QStringLiteral("The register's URL (else $SCANSTATION_REGISTER_URL)"),
                                         QStringLiteral("url"));
    const QCommandLineOption registerClient(QStringLiteral("register-client"),
                                            QStringLiteral("OAuth 2 client ID:SECRET (else $SCANSTATION_REGISTER_CLIENT)"),
                                            QStringLiteral("id:secret"));
    const QCommandLineOption allowHttp(QStringLiteral("allow-http"),
                                       QStringLiteral("Allow plain http to a register on this machine (127.0.0.1)"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: pl (default), en, ru"),
                                  QStringLiteral("code"), QStringLiteral("pl"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the first screen to FILE and quit (for docs and smoke tests)"),
                                        QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH, e.g. 1280x800"),
                                  QStringLiteral("size"), QStringLiteral("1280x800"));
    args.addOptions({demo, data, keys, config, source, registerUrl, registerClient, allowHttp, lang, screenshot, size});
    args.process(app);

    if (!scanstation::ui::LanguageSwitcher::apply(args.value(lang))) {
        std::fprintf(stderr, "scanstation-kiosk: no translation for language '%s' (pl, en, ru)\n",
                     qPrintable(args.value(lang)));
        return 2;
    }
    if (args.isSet(demo) && (args.isSet(data) || args.isSet(keys) || args.isSet(config))) {
        std::fprintf(stderr, "scanstation-kiosk: --demo makes its own data and key directories; drop "
                             "--data/--keys/--config\n");
        return 2;
    }
    std::unique_ptr<scanstation::ui::Station> station;
    try {
        if (args.isSet(demo)) {
            auto demoStation = std::make_unique<scanstation::ui::DemoStation>();
            std::fprintf(stderr, "scanstation-kiosk: demo station in %s (removed at exit)\n",
                         qPrintable(demoStation->dataDir()));
            station = std::move(demoStation);
        } else {
            scanstation::ui::StationOptions options;
            options.configFile = args.value(config);
            options.dataDir = args.value(data);
            options.keyDir = args.value(keys);
            options.sources = args.values(source);
            options.registerUrl = args.isSet(registerUrl) ? args.value(registerUrl) : qEnvironmentVariable("SCANSTATION_REGISTER_URL");
            options.registerClient = args.isSet(registerClient) ? args.value(registerClient)
                                                                : qEnvironmentVariable("SCANSTATION_REGISTER_CLIENT");
            options.allowPlainHttp = args.isSet(allowHttp);
            station = scanstation::ui::openStation(options);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "scanstation-kiosk: %s\n", e.what());
        return 1;
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Stored pages are decrypted in memory for the screen, never into a file.
    engine.addImageProvider(QLatin1String(scanstation::ui::kStationImageProvider),
                            new scanstation::ui::StationImageProvider);
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
