#pragma once
// Time is injected so that lockouts, deadlines and expiries are testable.
#include <chrono>

namespace scanstation::core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock tests move by hand.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override { return m_now; }
    void advance(std::chrono::seconds by) { m_now += by; }
    void set(TimePoint to) { m_now = to; }

private:
    TimePoint m_now;
};

} // namespace scanstation::core
