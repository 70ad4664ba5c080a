#pragma once
// The register's fault mode, for tests and demos on loopback only.
//
// SPEC is a comma-separated list of `kind[:count][@probability]` items plus options:
//   drop-before   close the connection before the request is processed
//   drop-after    process and commit, then close the connection (the answer is lost)
//   delay         wait `delay-ms` (default 1500 ms) before processing
//   500, 503      answer that status without processing (503 with Retry-After)
//   429           answer 429 with Retry-After: `retry-after` seconds (default 1)
//   garbage       process and commit, then answer 200 with a body that is not JSON
//   expire-token  mark every token expired before authenticating (the client gets 401)
//   revoke-token  revoke every token before authenticating (the client gets 401)
//   conflict      before processing a batch, change online the first new attendance/topic record
//   crash         process and commit, then exit the server process (the supervisor restarts it)
// Options: seed=N (random seed), delay-ms=N, retry-after=N, until=SECONDS (faults stop that
// long after the register first started with this data directory).
// count defaults to 1, probability to 1.0. Budgets are kept in the register's database, so
// they stay bounded across crash restarts.
#include "sqlite_db.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace scanstation::reg {

struct FaultRule {
    std::string kind;
    int count = 1;
    double probability = 1.0;
};

struct FaultSpec {
    std::vector<FaultRule> rules;
    unsigned seed = 1;
    int delayMs = 1500;
    int retryAfterSeconds = 1;
    int untilSeconds = 0; // 0: no time bound besides the counts
};

// Throws std::invalid_argument naming the bad item.
FaultSpec parseFaultSpec(const std::string& text);

class FaultInjector {
public:
    FaultInjector(SqliteDb& db, FaultSpec spec, unsigned processSalt);

    // Re-arms the budgets (first start, or an admin request with a new SPEC).
    void arm(const FaultSpec& spec);

    // The fault to apply to this request, or "" for none; spends one unit of its budget.
    std::string draw(const std::string& path);
    const FaultSpec& spec() const { return m_spec; }

private:
    bool withinTime();
    SqliteDb& m_db;
    FaultSpec m_spec;
    std::mt19937 m_random;
};

} // namespace scanstation::reg
