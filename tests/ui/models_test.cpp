// Every Qt model of the kiosk passes QAbstractItemModelTester: the generic record list and its
// filter on hand-made rows, and the station's own models filled by a demo batch.
#include "scanstation/ui/record_filter_model.hpp"
#include "scanstation/ui/record_list_model.hpp"
#include "scanstation/ui/station.hpp"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace scanstation::ui;

namespace {

QGuiApplication& app() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "ui_models_test";
    static char* argv[] = {name, nullptr};
    static QGuiApplication instance(argc, argv);
    return instance;
}

// QtTest reporting turns a broken model contract into a failure of the running test.
std::unique_ptr<QAbstractItemModelTester> tester(QAbstractItemModel* model) {
    return std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

QVariantMap row(const QString& key, const QString& cls, const QString& text) {
    return {{"key", key}, {"className", cls}, {"text", text}};
}

} // namespace

TEST(RecordListModel, PassesTheModelTesterThroughEveryChange) {
    app();
    RecordListModel model({"key", "className", "text"}, "key");
    auto t = tester(&model);
    model.setRows({row("a", "5A", "nb"), row("b", "6B", "u")});
    model.append(row("c", "5A", "sp"));
    model.upsert(row("b", "6B", "zw"));
    model.upsert(row("d", "6B", "nb"));
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.get(1).value("text").toString(), "zw");
    EXPECT_EQ(model.data(model.index(2), Qt::UserRole + 2).toString(), "sp");
    EXPECT_EQ(model.indexOfKey("d"), 3);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(RecordListModel, RoleNamesFollowTheRoles) {
    app();
    RecordListModel model({"serial", "verdict"}, "serial");
    const auto names = model.roleNames();
    EXPECT_EQ(names.value(Qt::UserRole), "serial");
    EXPECT_EQ(names.value(Qt::UserRole + 1), "verdict");
}

TEST(RecordFilterModel, FiltersByTextAndByRoleValue) {
    app();
    RecordListModel source({"key", "className", "text"}, "key");
    RecordFilterModel filter;
    auto t = tester(&filter);
    filter.setRecords(&source);
    source.setRows({row("a", "5A", "Kowalska"), row("b", "6B", "Nowak"), row("c", "5A", "Nowicki")});
    filter.setText("now");
    EXPECT_EQ(filter.count(), 2);
    filter.setFilters({{"className", "5A"}});
    EXPECT_EQ(filter.count(), 1);
    EXPECT_EQ(filter.get(0).value("key").toString(), "c");
    filter.setText("");
    EXPECT_EQ(filter.count(), 2);
    source.append(row("d", "5A", "Lis"));
    EXPECT_EQ(filter.count(), 3);
    EXPECT_EQ(filter.valuesOf("className"), QStringList({"5A", "6B"}));
}

TEST(StationModels, PassTheModelTesterWhileADemoBatchStreamsIn) {
    app();
    DemoStation station;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
             station.scan()->pages(), station.card()->fields(), station.review()->items(),
             station.sync()->outbox(), station.paper()->days(), station.paper()->cards(),
             station.office()->roster(), station.office()->audit()})
        testers.push_back(tester(m));

    QSignalSpy signedIn(station.session(), &SessionController::signedInChanged);
    station.session()->signIn("admin", "Admin1234");
    ASSERT_TRUE(signedIn.wait(10000));
    ASSERT_TRUE(station.session()->signedIn());

    QSignalSpy finished(station.scan(), &ScanController::batchFinished);
    station.scan()->start();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_EQ(station.scan()->pages()->rowCount(), 12);
    EXPECT_EQ(station.scan()->checkCount(), 2);
    EXPECT_GT(station.review()->items()->rowCount(), 0);
    EXPECT_GT(station.sync()->outbox()->rowCount(), 0);

    // Page 4 of the demo batch is a card with a faint mark (demo_school.cpp).
    const QString faint = station.scan()->pages()->get(3).value("serial").toString();
    ASSERT_TRUE(station.card()->open(faint));
    EXPECT_EQ(station.card()->flaggedCount(), 1);
    ASSERT_TRUE(station.card()->correct("row.04.attendance", "nb", "teacher confirmed"));
    EXPECT_EQ(station.card()->status(), "accepted");
    EXPECT_EQ(station.scan()->checkCount(), 1);
}

TEST(StationModels, ACorrectionWithoutAReasonIsRefusedInTheLibrarysWords) {
    app();
    DemoStation station;
    QSignalSpy signedIn(station.session(), &SessionController::signedInChanged);
    station.session()->signIn("anna.nowak", "Demo1234");
    ASSERT_TRUE(signedIn.wait(10000));
    QSignalSpy finished(station.scan(), &ScanController::batchFinished);
    station.scan()->start();
    ASSERT_TRUE(finished.wait(30000));
    // Page 6 of the demo batch is a card with two marks in row 7.
    ASSERT_TRUE(station.card()->open(station.scan()->pages()->get(5).value("serial").toString()));
    EXPECT_FALSE(station.card()->correct("row.07.attendance", "nb", ""));
    EXPECT_FALSE(station.card()->message().isEmpty());
    EXPECT_EQ(station.card()->status(), "needs review");
}
