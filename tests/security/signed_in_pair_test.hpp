#pragma once
// A station with an administrator and a teacher, both past their one-time first password
// (admin "AdminPass22", teacher nowak "Teacher2026"): the start of the account and badge tests.
#include "scanstation/core/accounts.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>
#include <optional>
#include <string>

namespace scanstation::sectest {

class SignedInPairTest : public ::testing::Test {
protected:
    TempStation station;
    core::Accounts accounts{*station.store, core::PasswordHashCost::Minimal};
    core::Operator admin = station.addOperator("admin", core::Role::Administrator);
    core::Operator teacher = station.addOperator("nowak", core::Role::Teacher);

    void SetUp() override {
        accounts.setOneTimePassword(std::nullopt, "admin", "FirstAdmin1");
        accounts.signIn("admin", "FirstAdmin1", std::string("AdminPass22"));
        accounts.setOneTimePassword(admin, "nowak", "OneTime123");
        accounts.signIn("nowak", "OneTime123", std::string("Teacher2026"));
    }
};

} // namespace scanstation::sectest
