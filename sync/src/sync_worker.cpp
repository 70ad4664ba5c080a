#include "scanstation/sync/sync_worker.hpp"

#include "scanstation/core/outbox.hpp"
#include "scanstation/core/store.hpp"

#include <algorithm>
#include <random>
#include <thread>

namespace scanstation::sync {

SyncWorker::SyncWorker(core::Store& store, RegisterClient& client, SyncOptions options)
    : m_store(store), m_client(client), m_options(options), m_jitterState(std::random_device{}()) {}

// "Equal jitter": half the exponential step fixed, half random, so that stations that went
// offline together do not come back in lock step, yet every wait grows.
std::chrono::milliseconds SyncWorker::backoff(int consecutiveFailures) {
    const int exponent = std::min(consecutiveFailures - 1, 20);
    const auto step = std::min<std::int64_t>(m_options.backoffCap.count(), m_options.backoffBase.count() << exponent);
    std::minstd_rand random(m_jitterState++);
    std::uniform_int_distribution<std::int64_t> jitter(0, std::max<std::int64_t>(step / 2, 1));
    return std::chrono::milliseconds(step / 2 + jitter(random));
}

bool SyncWorker::sleepFor(std::chrono::milliseconds duration, std::chrono::steady_clock::time_point deadline) {
    const auto until = std::chrono::steady_clock::now() + duration;
    if (until > deadline) return false;
    while (std::chrono::steady_clock::now() < until) {
        if (m_stop) return false;
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
            std::chrono::milliseconds(50),
            std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()) +
                std::chrono::milliseconds(1)));
    }
    return true;
}

SyncRunReport SyncWorker::runOnce() {
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + m_options.runBudget;
    core::Outbox outbox(m_store);
    SyncRunReport report;
    int failures = 0;
    while (!m_stop) {
        const core::OutboxBatch batch = outbox.nextBatch(m_options.batchSize);
        if (batch.key.empty()) {
            report.outboxEmpty = true;
            break;
        }
        const BatchAnswer answer = m_client.sendBatch(batch.key, batch.records);
        ++report.batchesSent;
        if (answer.failure == FailureKind::None) {
            const auto summary = outbox.applyOutcomes(batch.key, answer.outcomes);
            report.acknowledged += summary.acknowledged;
            report.toReview += summary.toReview;
            report.replays += answer.replayed ? 1 : 0;
            report.lastError.clear();
            failures = 0;
            continue;
        }
        if (answer.failure == FailureKind::KeyReused) {
            // The batch changed since its first send (a record was superseded): the register
            // recognises each record by its id, so a new key is safe.
            outbox.releaseBatch(batch.key);
            ++report.batchesReformed;
            continue;
        }
        outbox.noteFailure(batch.key, answer.plainWords);
        report.lastError = answer.plainWords;
        ++report.retries;
        ++failures;
        const auto wait = answer.retryAfter
                              ? std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::min(*answer.retryAfter, m_options.retryAfterCap))
                              : backoff(failures);
        if (!sleepFor(wait, deadline)) break;
    }
    report.stopped = m_stop;
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return report;
}

} // namespace scanstation::sync
