// The client through outages and faults: offline -> online, idempotent resends, 422, tokens,
// Retry-After, broken answers, the transport rules.
#include "sync_test_fixture.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/sync/sync_status.hpp"

#include <httplib.h>

namespace scanstation::testing {
namespace {

using core::CardState;

class ClientBehaviour : public SyncFixture {};

TEST_F(ClientBehaviour, OfflineThenOnlineKeepsEverythingAndDeliversIt) {
    startRegister();
    const auto serials = acceptCards(*store, 2);
    const int queued = core::Outbox(*store).status().waiting;
    reg->stop();
    sync::RegisterClient client(loopbackEndpoint(*reg));
    const auto offline = syncNow(client, std::chrono::seconds(1));
    EXPECT_FALSE(offline.outboxEmpty);
    EXPECT_GT(offline.retries, 0);
    EXPECT_EQ(offline.acknowledged, 0);
    const auto status = core::Outbox(*store).status();
    EXPECT_EQ(status.waiting, queued);
    EXPECT_FALSE(status.link.online);
    const auto text = sync::describeStatus(status, std::chrono::system_clock::now());
    EXPECT_NE(text.find("OFFLINE since"), std::string::npos) << text;
    EXPECT_NE(text.find("refused the connection"), std::string::npos) << text;
    EXPECT_NE(text.find("NOT DONE"), std::string::npos) << text;
    EXPECT_EQ(stateOf(serials[0]), CardState::Queued);

    reg->start();
    const auto online = syncNow(client);
    EXPECT_TRUE(online.outboxEmpty);
    EXPECT_EQ(online.acknowledged, queued);
    EXPECT_TRUE(core::Outbox(*store).status().link.online);
    EXPECT_EQ(stateOf(serials[1]), CardState::Acknowledged);
}

TEST_F(ClientBehaviour, SameKeyIsReplayedAndADifferentBodyIsRefused) {
    startRegister();
    acceptCards(*store, 1);
    core::Outbox outbox(*store);
    const auto batch = outbox.nextBatch(10);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    const auto first = client.sendBatch(batch.key, batch.records);
    ASSERT_EQ(first.failure, sync::FailureKind::None) << first.plainWords;
    EXPECT_FALSE(first.replayed);
    const auto again = client.sendBatch(batch.key, batch.records);
    ASSERT_EQ(again.failure, sync::FailureKind::None);
    EXPECT_TRUE(again.replayed);
    ASSERT_EQ(again.outcomes.size(), first.outcomes.size());
    for (size_t i = 0; i < first.outcomes.size(); ++i) EXPECT_EQ(again.outcomes[i].recordId, first.outcomes[i].recordId);
    auto changed = batch.records;
    changed.pop_back();
    const auto reused = client.sendBatch(batch.key, changed);
    EXPECT_EQ(reused.failure, sync::FailureKind::KeyReused);
    // The register processed each record once.
    const auto receipts = reg->admin("/admin/receipts");
    for (const auto& receipt : receipts["receipts"]) EXPECT_EQ(receipt["timesReceived"], 1);
}

TEST_F(ClientBehaviour, LostAnswersAndBrokenAnswersAreResentNotDoubled) {
    startRegister("drop-after:1,garbage:1,drop-before:1,500:1");
    acceptCards(*store, 3);
    const int queued = core::Outbox(*store).status().waiting;
    sync::RegisterClient client(loopbackEndpoint(*reg));
    sync::SyncOptions options;
    options.batchSize = 20;
    options.backoffBase = std::chrono::milliseconds(10);
    const auto report = sync::SyncWorker(*store, client, options).runOnce();
    EXPECT_TRUE(report.outboxEmpty);
    EXPECT_EQ(report.acknowledged, queued);
    EXPECT_EQ(report.retries, 4);
    EXPECT_GE(report.replays, 1); // the committed-but-lost answers were replayed by key
    const auto stats = reg->admin("/admin/stats");
    EXPECT_EQ(stats["receipts"].get<int>(), queued);
    EXPECT_EQ(stats["resends"].get<int>(), 0);
}

TEST_F(ClientBehaviour, ExpiredAndRevokedTokensAreRenewed) {
    startRegister("expire-token:1,revoke-token:1");
    acceptCards(*store, 2);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    sync::SyncOptions options;
    options.batchSize = 10;
    const auto report = sync::SyncWorker(*store, client, options).runOnce();
    EXPECT_TRUE(report.outboxEmpty);
    // A refused token is renewed within the same send; two refusals in a row cost one retry.
    EXPECT_LE(report.retries, 1);
    EXPECT_EQ(client.tokensFetched(), 3);
}

TEST_F(ClientBehaviour, WrongSecretIsReportedAndNothingIsLost) {
    startRegister();
    acceptCards(*store, 1);
    auto endpoint = loopbackEndpoint(*reg);
    endpoint.clientSecret = "wrong";
    sync::RegisterClient client(endpoint);
    const auto report = syncNow(client, std::chrono::seconds(1));
    EXPECT_FALSE(report.outboxEmpty);
    EXPECT_NE(report.lastError.find("access token"), std::string::npos) << report.lastError;
    EXPECT_GT(core::Outbox(*store).status().waiting, 0);
}

TEST_F(ClientBehaviour, RetryAfterIsHonouredOn429And503) {
    startRegister("429:1,503:1,retry-after=1");
    acceptCards(*store, 1);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    // Its own backoff would wait at least 30 s, beyond the run's budget: the run only completes
    // because the worker waits what the register's Retry-After says (1 s) instead.
    sync::SyncOptions options;
    options.backoffBase = std::chrono::seconds(60);
    options.backoffCap = std::chrono::seconds(60);
    options.runBudget = std::chrono::seconds(20);
    const auto report = sync::SyncWorker(*store, client, options).runOnce();
    EXPECT_TRUE(report.outboxEmpty);
    EXPECT_EQ(report.retries, 2);
}

TEST_F(ClientBehaviour, RegisterSideChangeAfterScanIsAConflict) {
    startRegister("conflict:1");
    const auto serials = acceptCards(*store, 1);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    syncNow(client);
    const auto items = core::Outbox(*store).reviewItems();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].kind, "conflict");
    EXPECT_FALSE(items[0].currentValue.empty());
    EXPECT_EQ(stateOf(serials[0]), CardState::NeedsReview);
}

TEST_F(ClientBehaviour, CrashedRegisterRestartsAndNothingIsDoubled) {
    startRegister("crash:2");
    acceptCards(*store, 2);
    const int queued = core::Outbox(*store).status().waiting;
    sync::RegisterClient client(loopbackEndpoint(*reg));
    sync::SyncOptions options;
    options.batchSize = 15;
    options.backoffBase = std::chrono::milliseconds(100);
    const auto report = sync::SyncWorker(*store, client, options).runOnce();
    EXPECT_TRUE(report.outboxEmpty);
    EXPECT_GE(report.retries, 2);
    const auto stats = reg->admin("/admin/stats");
    EXPECT_EQ(stats["receipts"].get<int>(), queued);
    EXPECT_EQ(stats["faults"]["crash"].get<int>(), 2);
}

TEST(RegisterClientRules, PlainHttpOnlyToLoopbackAndOnlyWhenAllowed) {
    sync::RegisterEndpoint endpoint;
    endpoint.baseUrl = "http://register.example.org";
    endpoint.allowPlainHttp = true;
    EXPECT_THROW(sync::RegisterClient{endpoint}, Error);
    endpoint.baseUrl = "http://127.0.0.1:9";
    endpoint.allowPlainHttp = false;
    EXPECT_THROW(sync::RegisterClient{endpoint}, Error);
    endpoint.allowPlainHttp = true;
    EXPECT_NO_THROW(sync::RegisterClient{endpoint});
    endpoint.baseUrl = "https://register.example.org";
    endpoint.allowPlainHttp = false;
    EXPECT_NO_THROW(sync::RegisterClient{endpoint});
}

TEST(RegisterClientRules, BatchBodyIsDeterministic) {
    core::OutboxRecord r;
    r.recordId = "c00000001-att-P1";
    r.cardSerial = "00000001";
    r.classId = "cls";
    r.date = "2026-11-23";
    r.lessonNumber = 2;
    r.pupilId = "P1";
    r.value = "ob";
    const auto body = sync::RegisterClient::batchBody({r});
    EXPECT_EQ(body, sync::RegisterClient::batchBody({r}));
    EXPECT_NE(body.find("\"code\":\"present\""), std::string::npos) << body;
}

} // namespace
} // namespace scanstation::testing
