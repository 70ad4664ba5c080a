#include "sources/sane_session.hpp"

#include "scanstation/core/error.hpp"

#include <mutex>

namespace scanstation::scanner::detail {

namespace {
std::mutex g_mutex;
int g_users = 0;
} // namespace

SaneSession::SaneSession() {
    std::lock_guard lock(g_mutex);
    if (g_users == 0) {
        SANE_Int version = 0;
        const SANE_Status status = sane_init(&version, nullptr);
        if (status != SANE_STATUS_GOOD)
            throw Error(ErrorKind::Infrastructure, "SANE cannot start: " + saneStatusText(status));
    }
    ++g_users;
}

SaneSession::~SaneSession() {
    std::lock_guard lock(g_mutex);
    if (--g_users == 0)
        sane_exit();
}

std::string saneStatusText(SANE_Status status) {
    const char* text = sane_strstatus(status);
    return text ? text : "SANE status " + std::to_string(static_cast<int>(status));
}

} // namespace scanstation::scanner::detail
