// Qt Quick Test runner for the kiosk's QML module (linked statically, like the kiosk itself).
// The screenshot folder of the end-to-end test is handed to QML as `screenshotDir`.
// When the reference register is built, it runs on 127.0.0.1 for the whole run and the demo
// stations deliver to it (as `scripts/demo` does): the sync screens talk to a real server.
// Under AddressSanitizer, the system's audio and GL libraries loaded by the run are kept loaded
// to the end (see pinSystemLibraries), so LeakSanitizer can name them in its reports and
// tests/ui/e2e/lsan_xcb.supp can suppress exactly those.
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

#include <dlfcn.h>
#include <link.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// PulseAudio (the attention sound, through Qt Multimedia) and Mesa (xcb's GL) keep a few bytes
// of global state that they free only when unloaded; Qt unloads them before LeakSanitizer
// looks, and it then reports their allocations as "<unknown module>", which no suppression can
// name. Marking every such library already loaded as never-to-be-unloaded (RTLD_NODELETE on an
// RTLD_NOLOAD open) keeps their names in the stacks. Our own code is never pinned.
#if defined(__SANITIZE_ADDRESS__)
bool isPinnedSystemLibrary(const char* path) {
    static const char* const kNames[] = {"libpulse", "libpulsecommon", "libasound", "_dri.so", "libGLX_mesa",
                                         "libEGL_mesa", "libgallium", "libLLVM", "libglapi", "libdrm"};
    for (const char* name : kNames)
        if (std::strstr(path, name))
            return true;
    return false;
}

void pinSystemLibraries() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) {
            if (info->dlpi_name && *info->dlpi_name && isPinnedSystemLibrary(info->dlpi_name))
                dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE); // the handle stays open
            return 0;
        },
        nullptr);
}
#else
void pinSystemLibraries() {}
#endif

} // namespace

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
        pinSystemLibraries(); // before the application unloads them
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
