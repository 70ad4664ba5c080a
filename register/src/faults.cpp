#include "faults.hpp"

#include "util.hpp"

#include <set>
#include <sstream>
#include <stdexcept>

namespace scanstation::reg {

namespace {
const std::set<std::string> kKinds{"drop-before", "drop-after", "delay",        "500",      "503",  "429",
                                   "garbage",     "expire-token", "revoke-token", "conflict", "crash"};

int toInt(const std::string& text, const std::string& item) {
    try {
        size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument("fault spec item '" + item + "': '" + text + "' is not a non-negative number");
}
} // namespace

FaultSpec parseFaultSpec(const std::string& text) {
    FaultSpec spec;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        if (item.empty()) continue;
        if (const auto eq = item.find('='); eq != std::string::npos) {
            const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
            if (name == "seed") spec.seed = static_cast<unsigned>(toInt(value, item));
            else if (name == "delay-ms") spec.delayMs = std::min(toInt(value, item), 10000);
            else if (name == "retry-after") spec.retryAfterSeconds = std::min(toInt(value, item), 60);
            else if (name == "until") spec.untilSeconds = toInt(value, item);
            else throw std::invalid_argument("fault spec: unknown option '" + name + "'");
            continue;
        }
        FaultRule rule;
        std::string rest = item;
        if (const auto at = rest.find('@'); at != std::string::npos) {
            try {
                rule.probability = std::stod(rest.substr(at + 1));
            } catch (const std::exception&) {
                throw std::invalid_argument("fault spec item '" + item + "': bad probability");
            }
            if (rule.probability < 0 || rule.probability > 1)
                throw std::invalid_argument("fault spec item '" + item + "': probability must be 0..1");
            rest = rest.substr(0, at);
        }
        if (const auto colon = rest.find(':'); colon != std::string::npos) {
            rule.count = toInt(rest.substr(colon + 1), item);
            rest = rest.substr(0, colon);
        }
        if (!kKinds.count(rest)) throw std::invalid_argument("fault spec: unknown fault '" + rest + "'");
        rule.kind = rest;
        spec.rules.push_back(rule);
    }
    return spec;
}

FaultInjector::FaultInjector(SqliteDb& db, FaultSpec spec, unsigned processSalt)
    : m_db(db), m_spec(std::move(spec)), m_random(m_spec.seed ^ (processSalt * 2654435761u)) {}

void FaultInjector::arm(const FaultSpec& spec) {
    m_spec = spec;
    m_random.seed(spec.seed);
    WriteTransaction tx(m_db);
    m_db.exec("DELETE FROM fault_budget");
    for (const auto& rule : spec.rules) {
        auto q = m_db.query("INSERT INTO fault_budget (kind, remaining) VALUES (?1, ?2) "
                            "ON CONFLICT (kind) DO UPDATE SET remaining = remaining + ?2");
        q.bind(1, rule.kind).bind(2, rule.count).run();
    }
    auto start = m_db.query("INSERT OR REPLACE INTO register_meta (name, value) VALUES ('faults_armed_at', ?1)");
    start.bind(1, std::to_string(nowEpochSeconds())).run();
    tx.commit();
}

bool FaultInjector::withinTime() {
    if (m_spec.untilSeconds <= 0) return true;
    auto q = m_db.query("SELECT value FROM register_meta WHERE name = 'faults_armed_at'");
    if (!q.step()) return false;
    return nowEpochSeconds() - std::stoll(q.text(0)) < m_spec.untilSeconds;
}

std::string FaultInjector::draw(const std::string& path) {
    if (m_spec.rules.empty() || !withinTime()) return "";
    std::uniform_real_distribution<double> dice(0.0, 1.0);
    for (const auto& rule : m_spec.rules) {
        if (dice(m_random) >= rule.probability) continue;
        WriteTransaction tx(m_db);
        auto spend = m_db.query("UPDATE fault_budget SET remaining = remaining - 1 WHERE kind = ?1 AND remaining > 0");
        spend.bind(1, rule.kind).run();
        if (m_db.changes() == 0) continue;
        auto log = m_db.query("INSERT INTO fault_log (at, kind, path) VALUES (?1, ?2, ?3)");
        log.bind(1, nowIso()).bind(2, rule.kind).bind(3, path).run();
        tx.commit();
        return rule.kind;
    }
    return "";
}

} // namespace scanstation::reg
