// Qt Quick Test runner for the kiosk's QML module (linked statically, like the kiosk itself).
// The screenshot folder of the end-to-end test is handed to QML as `screenshotDir`.
#include <QDir>
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(ScanStation_KioskPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        QString dir = qEnvironmentVariable("SCANSTATION_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QDir().mkpath(dir);
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotDir"), dir);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(scanstation_ui, Setup)

#include "quick_test_main.moc"
