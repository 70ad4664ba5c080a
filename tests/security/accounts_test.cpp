// Accounts on a real store with a ManualClock: one-time first password, 30-day rotation,
// lockout after 10 wrong passwords and its expiry, administrator unlock, sessions, audit.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/password_policy.hpp"
#include "signed_in_pair_test.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

using namespace scanstation;
using namespace scanstation::core;
using namespace std::chrono_literals;

namespace {

class AccountsTest : public sectest::SignedInPairTest {
protected:
    ErrorKind signInError(const std::string& login, const std::string& password) {
        try {
            accounts.signIn(login, password);
        } catch (const Error& e) {
            return e.kind();
        }
        ADD_FAILURE() << "sign-in of " << login << " succeeded";
        return ErrorKind::Infrastructure;
    }

    int countAudit(const std::string& action, const std::string& subject) {
        AuditQuery q;
        q.actionPrefix = action;
        q.subject = subject;
        q.limit = 100000;
        const auto entries = AuditLog(*station.store).list(q);
        return static_cast<int>(std::count_if(entries.begin(), entries.end(),
                                              [&](const AuditEntry& e) { return e.action == action; }));
    }

    void failTimes(const std::string& login, int n) {
        for (int i = 0; i < n; ++i)
            EXPECT_EQ(signInError(login, "Wrong-guess" + std::to_string(i)), ErrorKind::PermissionDenied);
    }
};

} // namespace

TEST(PasswordPolicyTest, RequiresLengthUpperLowerAndDigit) {
    EXPECT_NO_THROW(checkPasswordPolicy("Abcdefg1"));
    EXPECT_NO_THROW(checkPasswordPolicy("Zażółć1gęślą"));
    EXPECT_THROW(checkPasswordPolicy("Abcdef1"), Error);   // 7 characters
    EXPECT_THROW(checkPasswordPolicy("abcdefg1"), Error);  // no upper case
    EXPECT_THROW(checkPasswordPolicy("ABCDEFG1"), Error);  // no lower case
    EXPECT_THROW(checkPasswordPolicy("Abcdefgh"), Error);  // no digit
    EXPECT_THROW(checkPasswordPolicy("Abc\ndef12"), Error); // control character
    EXPECT_THROW(checkPasswordPolicy("Łóż1ąęść"), Error);    // 8 code points but no ASCII upper/lower pair
    try {
        checkPasswordPolicy("short");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadInput);
        const std::string m = e.what();
        EXPECT_NE(m.find("8 characters"), std::string::npos) << m;
        EXPECT_NE(m.find("upper-case"), std::string::npos) << m;
        EXPECT_NE(m.find("digit"), std::string::npos) << m;
        EXPECT_EQ(m.find("short"), std::string::npos) << "the message echoes the password: " << m;
    }
}

TEST_F(AccountsTest, FirstPasswordIsOneTime) {
    station.addOperator("kowalska", Role::ClassTeacher);
    accounts.setOneTimePassword(admin, "kowalska", "Given-by-admin1");
    EXPECT_TRUE(accounts.status("kowalska").mustChangePassword);

    const auto first = accounts.signIn("kowalska", "Given-by-admin1");
    EXPECT_EQ(first.status, SignInStatus::PasswordChangeRequired);
    EXPECT_TRUE(first.sessionToken.empty());
    EXPECT_NE(first.changeReason.find("one-time"), std::string::npos);

    EXPECT_THROW(accounts.signIn("kowalska", "Given-by-admin1", std::string("weak")), Error);
    EXPECT_THROW(accounts.signIn("kowalska", "Given-by-admin1", std::string("Given-by-admin1")), Error);
    const auto changed = accounts.signIn("kowalska", "Given-by-admin1", std::string("Own-choice-42"));
    EXPECT_EQ(changed.status, SignInStatus::SignedIn);
    EXPECT_FALSE(changed.sessionToken.empty());

    EXPECT_EQ(signInError("kowalska", "Given-by-admin1"), ErrorKind::PermissionDenied);
    EXPECT_EQ(accounts.signIn("kowalska", "Own-choice-42").status, SignInStatus::SignedIn);
    EXPECT_EQ(countAudit("account.password_change", "operator:kowalska"), 1);
}

TEST_F(AccountsTest, PasswordMustChangeEvery30Days) {
    station.clock->advance(24h * 29);
    EXPECT_EQ(accounts.signIn("nowak", "Teacher2026").status, SignInStatus::SignedIn);
    station.clock->advance(24h);
    const auto due = accounts.signIn("nowak", "Teacher2026");
    EXPECT_EQ(due.status, SignInStatus::PasswordChangeRequired);
    EXPECT_NE(due.changeReason.find("30 days"), std::string::npos);
    EXPECT_EQ(accounts.signIn("nowak", "Teacher2026", std::string("Teacher2027")).status, SignInStatus::SignedIn);
    station.clock->advance(24h * 29);
    EXPECT_EQ(accounts.signIn("nowak", "Teacher2027").status, SignInStatus::SignedIn);
}

TEST_F(AccountsTest, TenWrongPasswordsLockFor24HoursThenUnlockByThemselves) {
    failTimes("nowak", 9);
    EXPECT_FALSE(accounts.status("nowak").lockedUntil);
    failTimes("nowak", 1);
    const auto locked = accounts.status("nowak");
    ASSERT_TRUE(locked.lockedUntil);
    EXPECT_EQ(*locked.lockedUntil, station.clock->now() + 24h);

    // The right password does not open a locked account.
    EXPECT_EQ(signInError("nowak", "Teacher2026"), ErrorKind::PermissionDenied);
    station.clock->advance(24h - 1s);
    EXPECT_EQ(signInError("nowak", "Teacher2026"), ErrorKind::PermissionDenied);
    station.clock->advance(1s);
    const auto result = accounts.signIn("nowak", "Teacher2026");
    EXPECT_EQ(result.status, SignInStatus::SignedIn);
    EXPECT_EQ(countAudit("account.lock", "operator:nowak"), 1);
    EXPECT_EQ(countAudit("account.unlock", "operator:nowak"), 1);
    EXPECT_EQ(countAudit("account.signin_refused", "operator:nowak"), 2);
    EXPECT_EQ(countAudit("account.signin_failed", "operator:nowak"), 10);
}

TEST_F(AccountsTest, AdministratorUnlocksEarlierAndOthersCannot) {
    failTimes("nowak", 10);
    ASSERT_TRUE(accounts.status("nowak").lockedUntil);
    const auto other = station.addOperator("wisniewski", Role::Director);
    EXPECT_THROW(accounts.unlock(other, "nowak"), Error);
    EXPECT_THROW(accounts.unlock(teacher, "nowak"), Error);
    accounts.unlock(admin, "nowak");
    EXPECT_FALSE(accounts.status("nowak").lockedUntil);
    EXPECT_EQ(accounts.signIn("nowak", "Teacher2026").status, SignInStatus::SignedIn);
    EXPECT_THROW(accounts.unlock(admin, "nowak"), Error); // not locked any more
    AuditQuery q;
    q.actionPrefix = "account.unlock";
    const auto unlocks = AuditLog(*station.store).list(q);
    ASSERT_EQ(unlocks.size(), 1u);
    EXPECT_EQ(unlocks[0].actor, "admin");
}

TEST_F(AccountsTest, SignInShowsPreviousSuccessAndFailure) {
    const auto firstSuccess = station.clock->now(); // SetUp signed nowak in at this time
    station.clock->advance(1h);
    const auto failureAt = station.clock->now();
    failTimes("nowak", 2);
    station.clock->advance(1h);
    const auto result = accounts.signIn("nowak", "Teacher2026");
    ASSERT_TRUE(result.previousSuccess);
    ASSERT_TRUE(result.previousFailure);
    EXPECT_EQ(*result.previousSuccess, firstSuccess);
    EXPECT_EQ(*result.previousFailure, failureAt);
    EXPECT_EQ(result.failedAttemptsSincePreviousSuccess, 2);
    const auto next = accounts.signIn("nowak", "Teacher2026");
    EXPECT_EQ(*next.previousSuccess, station.clock->now());
    EXPECT_EQ(next.failedAttemptsSincePreviousSuccess, 0);
}

TEST_F(AccountsTest, SessionsEndAtSignOutAndAfter45IdleMinutes) {
    const auto s = accounts.signIn("nowak", "Teacher2026");
    EXPECT_EQ(accounts.authenticate(s.sessionToken).login, "nowak");
    station.clock->advance(44min);
    EXPECT_EQ(accounts.authenticate(s.sessionToken).login, "nowak"); // activity renews it
    station.clock->advance(45min + 1s);
    EXPECT_THROW(accounts.authenticate(s.sessionToken), Error);
    EXPECT_THROW(accounts.authenticate(s.sessionToken), Error);

    const auto t = accounts.signIn("nowak", "Teacher2026");
    accounts.signOut(t.sessionToken);
    EXPECT_THROW(accounts.authenticate(t.sessionToken), Error);
    EXPECT_THROW(accounts.authenticate("not-a-token"), Error);
    EXPECT_EQ(countAudit("account.signout", "operator:nowak"), 2);
}

TEST_F(AccountsTest, UnknownLoginFailsAndIsAudited) {
    EXPECT_EQ(signInError("ghost", "Whatever123"), ErrorKind::PermissionDenied);
    EXPECT_EQ(countAudit("account.signin_failed", "operator:ghost"), 1);
}

TEST_F(AccountsTest, OnlyAdministratorsSetPasswordsOnceBootstrapped) {
    EXPECT_THROW(accounts.setOneTimePassword(std::nullopt, "nowak", "Sneaky-pass1"), Error);
    EXPECT_THROW(accounts.setOneTimePassword(teacher, "nowak", "Sneaky-pass1"), Error);
    EXPECT_THROW(accounts.setOneTimePassword(admin, "nobody", "Valid-pass1"), Error);
    EXPECT_THROW(accounts.setOneTimePassword(admin, "nowak", "weak"), Error);
    // A reset by the administrator is one-time again and ends live sessions.
    const auto s = accounts.signIn("nowak", "Teacher2026");
    accounts.setOneTimePassword(admin, "nowak", "Reset-by-admin9");
    EXPECT_THROW(accounts.authenticate(s.sessionToken), Error);
    EXPECT_EQ(accounts.signIn("nowak", "Reset-by-admin9").status, SignInStatus::PasswordChangeRequired);
}

TEST(AccountsBootstrap, FirstPasswordGoesToAnAdministrator) {
    sectest::TempStation station;
    Accounts accounts(*station.store, PasswordHashCost::Minimal);
    station.addOperator("teacher1", Role::Teacher);
    station.addOperator("admin1", Role::Administrator);
    EXPECT_FALSE(accounts.anyPasswordSet());
    EXPECT_THROW(accounts.setOneTimePassword(std::nullopt, "teacher1", "Valid-pass1"), Error);
    accounts.setOneTimePassword(std::nullopt, "admin1", "Valid-pass1");
    EXPECT_TRUE(accounts.anyPasswordSet());
}

TEST_F(AccountsTest, ChangePasswordCountsWrongOldPasswordAndKeepsChainValid) {
    EXPECT_THROW(accounts.changePassword("nowak", "Not-the-old1", "Brand-new-99"), Error);
    EXPECT_EQ(accounts.status("nowak").failedAttempts, 1);
    accounts.changePassword("nowak", "Teacher2026", "Brand-new-99");
    EXPECT_EQ(accounts.signIn("nowak", "Brand-new-99").status, SignInStatus::SignedIn);
    const auto verification = AuditLog(*station.store).verify();
    EXPECT_TRUE(verification.ok) << verification.problem;
}

TEST(AccountsHashing, StationCostIsArgon2idWith64MiBAndNoPlainPassword) {
    sectest::TempStation station;
    Accounts accounts(*station.store); // the station's default cost
    station.addOperator("admin1", Role::Administrator);
    accounts.setOneTimePassword(std::nullopt, "admin1", "Valid-pass1");
    const auto file = station.store->databaseFile();
    station.store.reset(); // close, so every page is in the file
    const auto out = std::system(("sqlite3 " + file.string() +
                                  " \"SELECT password_hash FROM operator_credentials\" > " +
                                  (station.dir / "hash.txt").string()).c_str());
    ASSERT_EQ(out, 0);
    std::ifstream in(station.dir / "hash.txt");
    std::string hash;
    std::getline(in, hash);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;
    EXPECT_EQ(hash.find("Valid-pass1"), std::string::npos);
}
