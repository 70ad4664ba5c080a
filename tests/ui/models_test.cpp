// Every Qt model of the kiosk passes QAbstractItemModelTester: the generic record list and its
// filter on hand-made rows, and the station's own models filled by the demo feeder's batch
// (the real libraries on a fresh store, see capture-ui/src/backend/demo_station_data.cpp).
#include "scanstation/ui/record_filter_model.hpp"
#include "scanstation/ui/record_list_model.hpp"
#include "station_test_support.hpp"
#include "scanstation/ui/station.hpp"
#include "scanstation/ui/station_images.hpp"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

using namespace scanstation::ui;

namespace {

QGuiApplication& app() {
    return test::application();
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
    EXPECT_EQ(station.scan()->pages()->rowCount(), 8);
    EXPECT_EQ(station.scan()->checkCount(), 2);
    EXPECT_GT(station.review()->items()->rowCount(), 0);
    EXPECT_GT(station.sync()->outbox()->rowCount(), 0);

    // Page 3 of the demo feeder has two marks in row 4.
    const QString twoMarks = station.scan()->pages()->get(2).value("serial").toString();
    ASSERT_TRUE(station.card()->open(twoMarks));
    EXPECT_EQ(station.card()->flaggedCount(), 1);
    ASSERT_TRUE(station.card()->correct("row.04.attendance", "nb", "teacher confirmed"));
    EXPECT_EQ(station.card()->status(), "accepted");
    EXPECT_EQ(station.card()->flaggedCount(), 0);
    EXPECT_EQ(station.scan()->checkCount(), 1);
}

TEST(StationModels, ACorrectionWithoutAReasonIsRefusedInTheLibrarysWords) {
    app();
    DemoStation station;
    ASSERT_NO_FATAL_FAILURE(test::signInAsAdministrator(station));
    ASSERT_NO_FATAL_FAILURE(test::scanDemoBatch(station));
    // Page 3 of the demo feeder has two marks in row 4.
    ASSERT_TRUE(station.card()->open(station.scan()->pages()->get(2).value("serial").toString()));
    EXPECT_FALSE(station.card()->correct("row.04.attendance", "nb", ""));
    EXPECT_FALSE(station.card()->message().isEmpty());
    EXPECT_EQ(station.card()->status(), "needs review");
}

namespace {

std::string firstBytes(const std::filesystem::path& file, std::size_t n) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes(n, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

QImage provided(const QUrl& url) {
    const QString prefix = QStringLiteral("image://%1/").arg(QLatin1String(kStationImageProvider));
    EXPECT_TRUE(url.toString().startsWith(prefix)) << url.toString().toStdString();
    StationImageProvider provider;
    QSize size;
    return provider.requestImage(url.toString().mid(prefix.size()), &size, QSize());
}

} // namespace

// The store and the originals are encrypted at rest (core's SealedDataDir, the ImageVault);
// the screens get the pages and the flagged rows from the image provider, in memory.
TEST(StationModels, PagesAreSealedAtRestAndShownThroughTheImageProvider) {
    app();
    QUrl pageUrl;
    {
        DemoStation station;
        ASSERT_NO_FATAL_FAILURE(test::signInAsAdministrator(station));
        ASSERT_NO_FATAL_FAILURE(test::scanDemoBatch(station));

        const std::filesystem::path data = station.dataDir().toStdString();
        EXPECT_NE(firstBytes(data / "station.sqlite3", 15), "SQLite format 3") << "the store is sealed";
        ASSERT_TRUE(std::filesystem::is_directory(data / "vault"));
        int sealed = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(data / "vault")) {
            if (!entry.is_regular_file())
                continue;
            ++sealed;
            EXPECT_NE(firstBytes(entry.path(), 4), "\x89PNG") << entry.path();
        }
        EXPECT_GT(sealed, 0);

        pageUrl = station.scan()->pages()->get(0).value("imageUrl").toUrl();
        const QImage page = provided(pageUrl);
        ASSERT_FALSE(page.isNull());
        EXPECT_GT(page.height(), page.width()) << "an A4 card stands upright";

        // Page 3 of the demo feeder has two marks in row 4: its review item shows that row.
        const QString twoMarks = station.scan()->pages()->get(2).value("serial").toString();
        QUrl cropUrl;
        for (int i = 0; i < station.review()->items()->rowCount(); ++i)
            if (station.review()->items()->get(i).value("serial").toString() == twoMarks)
                cropUrl = station.review()->items()->get(i).value("cropUrl").toUrl();
        ASSERT_FALSE(cropUrl.isEmpty());
        const QImage row = provided(cropUrl);
        ASSERT_FALSE(row.isNull());
        EXPECT_GT(row.width(), 4 * row.height()) << "a pupil's row is wide and low";
    }
    EXPECT_TRUE(provided(pageUrl).isNull()) << "a closed station's pages are gone";
}
