// Qt Quick Test runner for the kiosk's QML module (linked statically, like the kiosk itself).
// The screenshot folder of the end-to-end test is handed to QML as `screenshotDir`.
// When the reference register is built, it runs on 127.0.0.1 for the whole run and the demo
// stations deliver to it (as `scripts/demo` does): the sync screens talk to a real server.
#include "scanstation/ui/station_images.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(ScanStation_KioskPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
#ifdef SCANSTATION_REGISTER_BIN
        startRegister(QStringLiteral(SCANSTATION_REGISTER_BIN));
#endif
    }

    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImageProvider(QLatin1String(scanstation::ui::kStationImageProvider),
                                 new scanstation::ui::StationImageProvider);
        QString dir = qEnvironmentVariable("SCANSTATION_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QDir().mkpath(dir);
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotDir"), dir);
        engine->rootContext()->setContextProperty(QStringLiteral("registerRunning"), m_register != nullptr);
    }

    void cleanupTestCase() {
        if (!m_register)
            return;
        m_register->terminate();
        m_register->waitForFinished(5000);
        m_register.reset();
    }

private:
    void startRegister(const QString& program) {
        quint16 port = 0;
        {
            QTcpServer probe; // a free port on loopback
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return;
            port = probe.serverPort();
        }
        m_register = std::make_unique<QProcess>();
        m_register->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_register->start(program, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--data"), m_registerData.path(), QStringLiteral("--client"),
                                    QStringLiteral("kiosk:kiosk-secret")});
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 15000) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(200)) {
                qputenv("SCANSTATION_REGISTER_URL", QStringLiteral("http://127.0.0.1:%1").arg(port).toUtf8());
                qputenv("SCANSTATION_REGISTER_CLIENT", "kiosk:kiosk-secret");
                return;
            }
            QThread::msleep(100);
        }
        std::fprintf(stderr, "ui_quick_test: the reference register did not start on port %u\n", port);
        m_register->kill();
        m_register->waitForFinished();
        m_register.reset();
    }

    QTemporaryDir m_registerData;
    std::unique_ptr<QProcess> m_register;
};

QUICK_TEST_MAIN_WITH_SETUP(scanstation_ui, Setup)

#include "quick_test_main.moc"
