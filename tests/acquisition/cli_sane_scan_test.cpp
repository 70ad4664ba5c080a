// `scanstation scan` from SANE's own `test` backend through the real binary: the feeder batch,
// loading more pages into the same batch, paper jam / open cover / lost device / no documents
// (injected with the backend's read-return-value option) with their messages, --continue,
// Ctrl-C, and the station configuration as the source of defaults. Every page reported stored
// is checked in the store afterwards. The test backend's pages are all the same pattern (not
// cards): the first is stored as not_a_card and the rest are duplicates of it — the path is
// checked here, not recognition (the library test sane_pipeline_test.cpp stores distinct pages).
#include "cli_pipeline_fixture.hpp"

namespace fs = std::filesystem;
using acq_test::PipelineCli;
using acq_test::quoted;

namespace {

int countOf(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

const std::string kSane = "scan --source sane:test:0 --resolution 50 --mode gray --feeder ";

} // namespace

TEST_F(PipelineCli, SaneFeederBatchIsStoredCardByCardUntilTheFeederIsEmpty) {
    const auto run = cli(kSane + "--json");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(countOf(run.out, "\"stored\":true"), 10) << run.out; // one line per sheet, as it is stored
    EXPECT_NE(run.out.find("feeder"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\"pages\":10"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\"end\":\"feeder_empty\""), std::string::npos) << run.out;
    const auto pages = acq_test::reportedPages(run.out);
    ASSERT_EQ(pages.size(), 10u);
    // Ten identical pattern pages: the first is stored as not a card, the rest are the same page.
    EXPECT_EQ(pages[0].outcome, "not_a_card");
    for (std::size_t i = 1; i < pages.size(); ++i) {
        EXPECT_EQ(pages[i].outcome, "duplicate");
        EXPECT_EQ(pages[i].pageHash, pages[0].pageHash);
    }
    EXPECT_EQ(pages[9].source, "sane:test:0");
    EXPECT_EQ(pages[9].page, 10);
    EXPECT_ALL_STORED(pages);
    EXPECT_TRUE(acceptedCards().empty());
}

TEST_F(PipelineCli, LoadingMoreIntoTheFeederContinuesTheSameBatch) {
    // Not a terminal: answers are read from stdin, one per line; an empty line is Enter.
    const auto run = cli(kSane, "\n");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_EQ(countOf(run.out, "stored "), 20) << run.out;
    EXPECT_NE(run.out.find("stored 20 "), std::string::npos) << run.out; // numbering goes on
    EXPECT_NE(run.out.find("pages 20:"), std::string::npos) << run.out;
    EXPECT_EQ(countOf(run.out, "scanning from sane:test:0"), 2) << run.out;
}

TEST_F(PipelineCli, AJamStopsTheBatchWithAClearMessageWhenTheOperatorSaysStop) {
    const auto run = cli(kSane + "--sane-option read-return-value=SANE_STATUS_JAMMED", "s\n");
    EXPECT_EQ(run.exitCode, 8) << run.out; // infrastructure: the device
    EXPECT_NE(run.out.find("source jammed: "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("paper jam"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("(jammed)"), std::string::npos) << run.out; // the summary says how it ended
    EXPECT_NE(run.out.find("clear it and run scan again"), std::string::npos) << run.out;
}

TEST_F(PipelineCli, ContinueRetriesAFaultButStopsWhenNobodyClearsIt) {
    const auto run = cli(kSane + "--continue --sane-option read-return-value=SANE_STATUS_COVER_OPEN");
    EXPECT_EQ(run.exitCode, 8) << run.out;
    EXPECT_EQ(countOf(run.out, "source cover_open: "), 3) << run.out;
    EXPECT_NE(run.out.find("the same fault came back 3 times"), std::string::npos) << run.out;
}

TEST_F(PipelineCli, EndOfInputAtAFaultStopsAndNoDocumentsEndsTheBatch) {
    const auto gone = cli(kSane + "--sane-option read-return-value=SANE_STATUS_IO_ERROR");
    EXPECT_EQ(gone.exitCode, 8) << gone.out;
    EXPECT_NE(gone.out.find("source device_gone: "), std::string::npos) << gone.out;
    const auto empty = cli(kSane + "--sane-option read-return-value=SANE_STATUS_NO_DOCS");
    EXPECT_EQ(empty.exitCode, 0) << empty.out;
    EXPECT_NE(empty.out.find("(feeder_empty)"), std::string::npos) << empty.out;
    EXPECT_NE(empty.out.find("0 page(s)"), std::string::npos) << empty.out;
}

TEST_F(PipelineCli, CtrlCStopsAfterThePageInHandAndEveryReportedPageIsStored) {
    // Slow sheets (about 0.2 s each) so Ctrl-C lands while the feeder runs.
    const auto run = cli(kSane + "--json --sane-option read-limit=yes --sane-option read-limit-size=4096 "
                                 "--sane-option read-delay=yes --sane-option read-delay-duration=20000",
                         "", "\"stored\":true,\"index\":2,");
    ASSERT_EQ(run.exitCode, 0) << run.out;
    EXPECT_NE(run.out.find("\"end\":\"cancelled\""), std::string::npos) << run.out;
    const int reported = countOf(run.out, "\"stored\":true");
    EXPECT_GE(reported, 2);
    EXPECT_LT(reported, 10) << run.out;
    EXPECT_ALL_STORED(acq_test::reportedPages(run.out));
}
TEST_F(PipelineCli, TheStationConfigurationGivesDefaultsAndOptionsOverrideThem) {
    const fs::path conf = m_dir / "station.conf";
    acq_test::writeBytes(conf, "[station]\ndata = " + data().string() +
                                   "\n[scanner]\nsource = sane:test:0\ndpi = 50\nmode = lineart\n"
                                   "sane-option = read-return-value=SANE_STATUS_COVER_OPEN\n");
    const std::string withConf = "--config " + quoted(conf.string()) + " ";
    // No --data and no --source: both come from the file; the configured backend option applies.
    auto withoutData = [&](const std::string& args, const std::string& input) {
        return acq_test::runCli({withConf + args, input, environment(), ""});
    };
    const auto configured = withoutData("scan", "s\n");
    EXPECT_EQ(configured.exitCode, 8) << configured.out;
    EXPECT_NE(configured.out.find("scanning from sane:test:0"), std::string::npos) << configured.out;
    EXPECT_NE(configured.out.find("source cover_open"), std::string::npos) << configured.out;
    // A later --sane-option overrides the configured one; --flatbed the configured feeder.
    const auto overridden = withoutData("scan --sane-option read-return-value=Default --flatbed", "");
    EXPECT_EQ(overridden.exitCode, 0) << overridden.out;
    EXPECT_NE(overridden.out.find("pages 1:"), std::string::npos) << overridden.out;
    const auto flatbedPage = overridden.out.substr(overridden.out.find("stored 1 ") + 9, 64);
    EXPECT_TRUE(isStored(flatbedPage)) << overridden.out; // in the configured data directory
    // --data on the command line wins over [station] data.
    acq_test::TempDir elsewhere;
    const auto otherData = withoutData("--data " + quoted((elsewhere / "data").string()) + " scan --flatbed", "");
    EXPECT_EQ(otherData.exitCode, 4) << otherData.out; // an empty store there: no school to scan for
    EXPECT_NE(otherData.out.find("no school in the roster"), std::string::npos) << otherData.out;

    acq_test::writeBytes(conf, "[scanner]\nsource = sane:test:0\n\n[hotfolder]\nsettle = soon\n");
    const auto bad = cli(withConf + "scan");
    EXPECT_EQ(bad.exitCode, 3) << bad.out;
    EXPECT_NE(bad.out.find(conf.string() + ":5: [hotfolder] settle = 'soon'"), std::string::npos) << bad.out;
    acq_test::writeBytes(conf, "[scanner]\n\nsource = scanner-in-the-corner\n");
    const auto badSource = cli(withConf + "scan");
    EXPECT_EQ(badSource.exitCode, 3) << badSource.out;
    EXPECT_NE(badSource.out.find(conf.string() + ":3: [scanner] source: "), std::string::npos) << badSource.out;
}
