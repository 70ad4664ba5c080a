#pragma once
// libsane is initialised once per process user: SaneSession counts its users and calls
// sane_exit when the last one goes, so tests and the CLI start from a clean state.
#include <sane/sane.h>
#include <string>

namespace scanstation::scanner::detail {

class SaneSession {
public:
    SaneSession();  // throws Error(Infrastructure) when sane_init fails
    ~SaneSession();
    SaneSession(const SaneSession&) = delete;
    SaneSession& operator=(const SaneSession&) = delete;
};

std::string saneStatusText(SANE_Status status);

} // namespace scanstation::scanner::detail
