#pragma once
// The outbox worker: sends the outbox's batches to the register until it is empty, through any
// outage. Synchronous and re-entrant; the kiosk runs it on a worker thread, the CLI directly.
//  - Exponential backoff with jitter between failed sends; a Retry-After from the register is
//    honoured instead.
//  - A batch whose answer was lost is resent with the same Idempotency-Key and body, so the
//    register replays its answer; a 422 (key reused with another body) re-forms the batch.
//  - Records never leave the outbox by failing: runOnce stops after `runBudget` and leaves
//    them waiting, with the last error in plain words for `scanstation sync status`.
#include "scanstation/sync/register_client.hpp"

#include <atomic>
#include <chrono>
#include <string>

namespace scanstation::core {
class Store;
}

namespace scanstation::sync {

struct SyncOptions {
    int batchSize = 200;
    std::chrono::milliseconds backoffBase{500};
    std::chrono::milliseconds backoffCap{60000};
    std::chrono::seconds retryAfterCap{300};
    std::chrono::seconds runBudget{120}; // runOnce gives up after this long (records stay)
};

struct SyncRunReport {
    int batchesSent = 0;     // requests, including resends
    int acknowledged = 0;    // records the register accepted
    int toReview = 0;        // records the register refused (now in review)
    int retries = 0;         // failed sends
    int replays = 0;         // answers the register replayed for a resent batch
    int batchesReformed = 0; // 422: the batch was formed again under a new key
    bool outboxEmpty = false;
    bool stopped = false;    // requestStop() was called
    std::string lastError;   // plain words; empty when the last send succeeded
    std::chrono::milliseconds elapsed{0};
};

class SyncWorker {
public:
    SyncWorker(core::Store& store, RegisterClient& client, SyncOptions options = {});

    SyncRunReport runOnce();
    void requestStop() { m_stop = true; } // from another thread; runOnce returns soon

private:
    std::chrono::milliseconds backoff(int consecutiveFailures);
    bool sleepFor(std::chrono::milliseconds duration, std::chrono::steady_clock::time_point deadline);

    core::Store& m_store;
    RegisterClient& m_client;
    SyncOptions m_options;
    std::atomic<bool> m_stop{false};
    unsigned m_jitterState;
};

} // namespace scanstation::sync
