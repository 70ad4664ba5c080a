// CoreBackend: delivery to the register (core Outbox for the status, sync's SyncWorker).
#include "core_backend.hpp"

#include "scanstation/core/outbox.hpp"
#include "scanstation/sync/register_client.hpp"
#include "scanstation/sync/sync_worker.hpp"

namespace scanstation::ui {

namespace {
constexpr const char* kNoRegister =
    "No register is configured for this station: records wait here (start the kiosk with --register URL).";
}

SyncStatus CoreBackend::syncStatus() {
    std::lock_guard lock(m_mutex);
    const auto status = core::Outbox(*m_store).status();
    SyncStatus out;
    out.online = status.link.online;
    out.since = status.link.since;
    out.waiting = status.waiting;
    out.oldestWaiting = status.oldestWaiting;
    out.lastError = status.link.lastError;
    if (m_config.register_.url.empty())
        out.lastError = kNoRegister;
    return out;
}

std::vector<OutboxEntry> CoreBackend::outbox() {
    std::lock_guard lock(m_mutex);
    std::vector<OutboxEntry> out;
    for (const auto& r : core::Outbox(*m_store).waiting(500))
        out.push_back({r.recordId, r.cardSerial, core::toString(r.kind), r.enqueuedAt, r.attempts});
    return out;
}

SyncStatus CoreBackend::syncNow() {
    if (m_config.register_.url.empty())
        return syncStatus();
    core::Store store(sealedDataDir()); // this worker's own connection
    sync::RegisterEndpoint endpoint;
    endpoint.baseUrl = m_config.register_.url;
    endpoint.clientId = m_config.register_.clientId;
    endpoint.clientSecret = m_config.register_.clientSecret;
    endpoint.allowPlainHttp = m_config.register_.allowPlainHttp;
    sync::RegisterClient client(endpoint);
    // "Try now" is one short run: what does not go now waits for the next one.
    sync::SyncOptions options;
    options.runBudget = std::chrono::seconds(20);
    options.backoffCap = std::chrono::milliseconds(5000);
    sync::SyncWorker worker(store, client, options);
    {
        std::lock_guard lock(m_workMutex);
        m_runningSync = &worker;
    }
    try {
        worker.runOnce();
    } catch (...) {
        std::lock_guard lock(m_workMutex);
        m_runningSync = nullptr;
        throw;
    }
    {
        std::lock_guard lock(m_workMutex);
        m_runningSync = nullptr;
    }
    return syncStatus();
}

} // namespace scanstation::ui
