#pragma once
// What the kiosk's GoogleTest files share: one QGuiApplication for the process (offscreen
// unless a platform is set), and the demo station signed in as its administrator with the
// demo feeder's batch scanned — the starting point of most station tests.
#include "scanstation/ui/station.hpp"

#include <QGuiApplication>
#include <QSignalSpy>
#include <gtest/gtest.h>

namespace scanstation::ui::test {

inline QGuiApplication& application() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return *app;
    static int argc = 1;
    static char name[] = "ui_models_test";
    static char* argv[] = {name, nullptr};
    static QGuiApplication instance(argc, argv);
    return instance;
}

// Generous waits: the batch is recognised on worker threads, slowly under ASan.
inline void signInAsAdministrator(DemoStation& station) {
    QSignalSpy signedIn(station.session(), &SessionController::signedInChanged);
    station.session()->signIn("admin", "Admin1234");
    ASSERT_TRUE(signedIn.wait(10000));
    ASSERT_TRUE(station.session()->signedIn());
}

inline void scanDemoBatch(DemoStation& station) {
    QSignalSpy finished(station.scan(), &ScanController::batchFinished);
    station.scan()->start();
    ASSERT_TRUE(finished.wait(30000));
}

} // namespace scanstation::ui::test
