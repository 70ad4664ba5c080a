// The acquisition pipeline (scanner/ingest/batch_pull_ingest.hpp) from SANE's own `test`
// backend (private SANE_CONFIG_DIR) INTO A REAL STORE: a feeder batch, a paper jam, an open
// cover, an unplugged device and "no documents" injected mid-batch. After each, the store is
// read back with SQLite: every page reported as stored is there with its status, none twice.
// The test backend's pages are patterns, not cards: they are stored as not_a_card or blank.
// Each page gets a different scan height (br-y) so no two pages are the same bytes.
#include "fixtures.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/identity_verifier.hpp"
#include "scanstation/scanner/ingest/batch_pull_ingest.hpp"
#include "scanstation/scanner/sources/sane_page_source.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace scanstation;
using namespace scanstation::scanner;

// See sane_page_source_test.cpp: the test backend's reader thread may keep its buffer.
// Rendering the blank templates (Recognizer) keeps fontconfig's font set alive at exit
// (reported to templates; ingestion's CLI tests skip leak checks for the same reason).
extern "C" const char* __lsan_default_suppressions() { return "leak:libsane-test.so\nleak:libfontconfig.so\n"; }

namespace {

struct Row {
    std::string status, outcome, source;
    int page = 0;
};

class SanePipeline : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_sane = new acq_test::TempDir();
        acq_test::writeBytes(*s_sane / "dll.conf", "test\n");
        acq_test::writeBytes(*s_sane / "test.conf", "number_of_devices 1\nresolution 50.0\nbr_x 80.0\nbr_y 100.0\n");
        setenv("SANE_CONFIG_DIR", s_sane->path().c_str(), 1);
        dlopen("/usr/lib/x86_64-linux-gnu/sane/libsane-test.so.1", RTLD_NOW | RTLD_NODELETE);
        s_templates = new std::vector<core::CardTemplate>(templates::loadTemplateDir(templates::shippedTemplateDir()));
    }
    static void TearDownTestSuite() {
        delete s_sane;
        delete s_templates;
    }

    void SetUp() override {
        m_store = std::make_unique<core::Store>(m_data.path());
        core::installDemoSchool(*m_store, "admin", m_data / "demo-files");
        RecognizerConfig config;
        config.templates = *s_templates;
        config.verifyIdentity = stationIdentityVerifier(core::loadOrCreateStationKey(m_data.path()),
                                                        core::Roster(*m_store).school()->sourcedId);
        m_recognizer = std::make_unique<Recognizer>(std::move(config));
        core::KeyStore keys(m_keys.path()); // the originals are sealed with a private data key
        keys.ensureKeys();
        m_batch = std::make_unique<BatchIngest>(*m_store, *m_recognizer, "station", keys.dataKey());
        m_batch->onPage([this](const PageReport& r) {
            m_reported.push_back(r);
            if (m_source) // the next sheet is scanned a little shorter: different bytes
                m_source->setOption("br-y", std::to_string(100 - static_cast<int>(m_reported.size())));
            if (m_afterPage)
                m_afterPage(static_cast<int>(m_reported.size()));
        });
    }

    static SaneScanSettings feeder() {
        SaneScanSettings s;
        s.device = "test:0";
        s.resolutionDpi = 50;
        s.feeder = true;
        return s;
    }

    std::vector<Row> rows() const {
        sqlite3* db = nullptr;
        std::vector<Row> out;
        EXPECT_EQ(sqlite3_open_v2(m_store->databaseFile().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT page_status, outcome, source, page_number FROM card_readings ORDER BY id",
                                     -1, &st, nullptr),
                  SQLITE_OK)
            << sqlite3_errmsg(db);
        while (st && sqlite3_step(st) == SQLITE_ROW)
            out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                           reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                           reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), sqlite3_column_int(st, 3)});
        sqlite3_finalize(st);
        sqlite3_close(db);
        return out;
    }

    // Every reported page is in the store once, numbered 1..n, stored as a non-card page.
    void expectStoredAsReported(std::size_t pages) const {
        ASSERT_EQ(m_reported.size(), pages);
        const auto stored = rows();
        ASSERT_EQ(stored.size(), pages);
        for (std::size_t i = 0; i < pages; ++i) {
            EXPECT_EQ(stored[i].page, static_cast<int>(i + 1));
            EXPECT_EQ(stored[i].source, "sane:test:0");
            EXPECT_TRUE(stored[i].status == "not_a_card" || stored[i].status == "blank") << stored[i].status;
            EXPECT_EQ(stored[i].outcome, "not_a_card");
            EXPECT_EQ(m_reported[i].result.outcome, core::IngestOutcome::NotACard);
        }
    }

    acq_test::TempDir m_data;
    acq_test::TempDir m_keys; // apart from the data directory, as a station keeps them
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<Recognizer> m_recognizer;
    std::unique_ptr<BatchIngest> m_batch;
    SanePageSource* m_source = nullptr;
    std::function<void(int)> m_afterPage;
    std::vector<PageReport> m_reported;
    static acq_test::TempDir* s_sane;
    static std::vector<core::CardTemplate>* s_templates;
};

acq_test::TempDir* SanePipeline::s_sane = nullptr;
std::vector<core::CardTemplate>* SanePipeline::s_templates = nullptr;

} // namespace

TEST_F(SanePipeline, AFeederBatchIsStoredPageByPageUntilTheFeederIsEmpty) {
    SanePageSource source(feeder());
    m_source = &source;
    std::vector<std::size_t> storedWhenReported;
    m_afterPage = [&](int) { storedWhenReported.push_back(rows().size()); };
    const PulledBatch batch = ingestPulledBatch(source, *m_batch, [](const SourceEvent& f) {
        ADD_FAILURE() << "no fault expected: " << f.message;
        return false;
    });
    EXPECT_EQ(batch.pull.end, BatchEnd::FeederEmpty);
    EXPECT_EQ(batch.ingest.end, "feeder_empty");
    EXPECT_EQ(batch.ingest.pages, 10);
    EXPECT_EQ(batch.ingest.notCards, 10);
    // Streamed: each page was committed before the next was scanned.
    EXPECT_EQ(storedWhenReported, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    expectStoredAsReported(10);
}

TEST_F(SanePipeline, AJamPausesTheBatchAndAfterClearingItEveryPageIsStored) {
    SanePageSource source(feeder());
    m_source = &source;
    m_afterPage = [&](int n) {
        if (n == 3)
            source.setOption("read-return-value", "SANE_STATUS_JAMMED");
    };
    std::vector<std::string> asked;
    const PulledBatch batch = ingestPulledBatch(source, *m_batch, [&](const SourceEvent& fault) {
        asked.push_back(fault.message);
        EXPECT_EQ(fault.fault, FaultKind::Jammed);
        EXPECT_EQ(rows().size(), 3u) << "the pages before the jam are already in the store";
        source.setOption("read-return-value", "Default"); // the operator clears the jam
        return true;
    });
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_NE(asked[0].find("paper jam"), std::string::npos) << asked[0];
    EXPECT_NE(asked[0].find("3 page(s) already scanned are kept"), std::string::npos) << asked[0];
    EXPECT_FALSE(batch.stoppedAtFault);
    EXPECT_EQ(batch.pull.end, BatchEnd::FeederEmpty);
    EXPECT_EQ(batch.ingest.faults, 1);
    // The jammed sheet gave no data: 9 of the 10 sheets became pages, all stored once.
    expectStoredAsReported(9);
}

TEST_F(SanePipeline, StoppingAtAnOpenCoverKeepsThePagesScannedBefore) {
    SanePageSource source(feeder());
    m_source = &source;
    m_afterPage = [&](int n) {
        if (n == 4)
            source.setOption("read-return-value", "SANE_STATUS_COVER_OPEN");
    };
    const PulledBatch batch = ingestPulledBatch(source, *m_batch, [](const SourceEvent& fault) {
        EXPECT_NE(fault.message.find("cover"), std::string::npos) << fault.message;
        return false; // the operator ends the batch here
    });
    EXPECT_TRUE(batch.stoppedAtFault);
    EXPECT_EQ(batch.lastFault, FaultKind::CoverOpen);
    EXPECT_EQ(batch.ingest.end, "cover_open");
    expectStoredAsReported(4);
}

TEST_F(SanePipeline, ALostDeviceIsReopenedOnContinueWithoutLosingPages) {
    SanePageSource source(feeder());
    m_source = &source;
    m_afterPage = [&](int n) {
        if (n == 2)
            source.setOption("read-return-value", "SANE_STATUS_IO_ERROR");
    };
    int faults = 0;
    const PulledBatch batch = ingestPulledBatch(source, *m_batch, [&](const SourceEvent& fault) {
        ++faults;
        EXPECT_EQ(fault.fault, FaultKind::DeviceGone);
        source.setOption("read-return-value", "Default");
        return true;
    });
    EXPECT_EQ(faults, 1);
    EXPECT_EQ(batch.pull.end, BatchEnd::FeederEmpty);
    ASSERT_GE(m_reported.size(), 3u);
    expectStoredAsReported(m_reported.size());
}

TEST_F(SanePipeline, NoDocumentsEndsTheBatchWithThePagesStored) {
    SanePageSource source(feeder());
    m_source = &source;
    m_afterPage = [&](int n) {
        if (n == 5)
            source.setOption("read-return-value", "SANE_STATUS_NO_DOCS");
    };
    const PulledBatch batch = ingestPulledBatch(source, *m_batch, [](const SourceEvent&) { return false; });
    EXPECT_EQ(batch.pull.end, BatchEnd::FeederEmpty);
    EXPECT_NE(batch.pull.message.find("5 page(s)"), std::string::npos) << batch.pull.message;
    expectStoredAsReported(5);
}
