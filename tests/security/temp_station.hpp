#pragma once
// A real store in a fresh temporary directory, with a clock the test moves by hand.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/store.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace scanstation::sectest {

inline std::filesystem::path makeTempDir(const std::string& tag) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() /
               ("scanstation-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

struct TempStation {
    std::filesystem::path dir = makeTempDir("security");
    // 2026-03-02 08:00:00 UTC
    std::shared_ptr<core::ManualClock> clock =
        std::make_shared<core::ManualClock>(core::TimePoint{std::chrono::seconds{1772438400}});
    std::unique_ptr<core::Store> store = std::make_unique<core::Store>(dir / "data", clock);

    ~TempStation() {
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    core::Operator addOperator(const std::string& login, core::Role role) {
        core::Operator op;
        op.login = login;
        op.displayName = "Test " + login;
        op.role = role;
        core::OperatorDirectory(*store).add("setup", op);
        return op;
    }
};

} // namespace scanstation::sectest
