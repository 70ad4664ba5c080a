// Operator badges on a real store: issue, sign in, revoke by reissue, forged and damaged
// badges counted toward the lockout, locked and deactivated accounts, audit rows.
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/core/password_policy.hpp"
#include "signed_in_pair_test.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace scanstation;
using namespace scanstation::core;
using namespace std::chrono_literals;

namespace {

SecretKey randomKey(std::uint8_t seed) {
    std::array<std::uint8_t, SecretKey::kSize> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(seed * 31 + i * 7);
    return SecretKey(bytes);
}

class OperatorBadgesTest : public sectest::SignedInPairTest {
protected:
    SecretKey badgeKey = deriveBadgeKey(randomKey(1));
    OperatorBadges badges{*station.store, badgeKey};

    // The refusal's message; fails the test when the badge signs in.
    std::string refusal(const std::string& token) {
        try {
            badges.signIn(token);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied);
            return e.what();
        }
        ADD_FAILURE() << "the badge signed in: " << token;
        return {};
    }

    std::vector<AuditEntry> audit(const std::string& action) {
        AuditQuery q;
        q.actionPrefix = action;
        q.limit = 100000;
        auto entries = AuditLog(*station.store).list(q);
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [&](const AuditEntry& e) { return e.action != action; }),
                      entries.end());
        return entries;
    }
};

} // namespace

TEST_F(OperatorBadgesTest, AnIssuedBadgeSignsItsOperatorIn) {
    const auto badge = badges.issue(admin, "nowak");
    EXPECT_TRUE(looksLikeBadgeToken(badge.token));
    EXPECT_EQ(badge.token.find("Teacher2026"), std::string::npos);
    ASSERT_TRUE(badges.active("nowak"));
    EXPECT_EQ(badges.active("nowak")->badgeId, badge.badgeId);
    EXPECT_EQ(badges.active("nowak")->issuedBy, "admin");

    station.clock->advance(1h);
    const auto result = badges.signIn(badge.token);
    EXPECT_EQ(result.status, SignInStatus::SignedIn);
    EXPECT_EQ(result.op.login, "nowak");
    ASSERT_TRUE(result.previousSuccess); // the password sign-in of SetUp
    EXPECT_EQ(accounts.authenticate(result.sessionToken).login, "nowak");
    EXPECT_EQ(accounts.status("nowak").lastSuccess, station.clock->now());

    const auto issued = audit("account.badge_issued");
    ASSERT_EQ(issued.size(), 1u);
    EXPECT_EQ(issued[0].actor, "admin");
    const auto signIns = audit("account.signin");
    ASSERT_FALSE(signIns.empty());
    EXPECT_NE(signIns.back().details.find("by badge"), std::string::npos) << signIns.back().details;
    EXPECT_EQ(signIns.back().details.find(badge.badgeId), std::string::npos)
        << "the whole id is not logged";
}

TEST_F(OperatorBadgesTest, ReissuingRevokesTheOldBadgeWhichCountsAsAFailure) {
    const auto first = badges.issue(admin, "nowak");
    const auto second = badges.issue(admin, "nowak");
    EXPECT_NE(first.badgeId, second.badgeId);
    const auto message = refusal(first.token);
    EXPECT_NE(message.find("revoked"), std::string::npos) << message;
    EXPECT_EQ(accounts.status("nowak").failedAttempts, 1);

    station.clock->advance(1min);
    const auto result = badges.signIn(second.token);
    ASSERT_TRUE(result.previousFailure);
    EXPECT_EQ(result.failedAttemptsSincePreviousSuccess, 1);
    const auto failures = audit("account.signin_failed");
    ASSERT_FALSE(failures.empty());
    EXPECT_NE(failures.back().details.find("badge sign-in: the badge was revoked"),
              std::string::npos)
        << failures.back().details;
}

TEST_F(OperatorBadgesTest, RevokedWithoutANewBadgeSignsNobodyIn) {
    const auto badge = badges.issue(admin, "nowak");
    badges.revoke(admin, "nowak");
    EXPECT_FALSE(badges.active("nowak"));
    refusal(badge.token);
    EXPECT_EQ(audit("account.badge_revoked").size(), 1u);
}

TEST_F(OperatorBadgesTest, AForgedOrAlteredBadgeIsRefusedAndCounted) {
    // The same login signed with another station's key.
    OperatorBadges elsewhere(*station.store, deriveBadgeKey(randomKey(2)));
    // Issued with the other key it is a forgery here; the genuine badge is issued after it.
    const auto forged = elsewhere.issue(admin, "nowak");
    const auto genuine = badges.issue(admin, "nowak");
    auto message = refusal(forged.token);
    EXPECT_NE(message.find("signature"), std::string::npos) << message;
    // The admin's login put into a teacher's badge.
    std::string altered = genuine.token;
    altered.replace(altered.find("nowak"), 5, "admin");
    message = refusal(altered);
    EXPECT_NE(message.find("signature"), std::string::npos) << message;
    EXPECT_EQ(accounts.status("nowak").failedAttempts, 1);
    EXPECT_EQ(accounts.status("admin").failedAttempts, 1);
    EXPECT_EQ(badges.signIn(genuine.token).status, SignInStatus::SignedIn);
}

TEST_F(OperatorBadgesTest, DamagedAndForeignCodesAreRefusedAndAudited) {
    EXPECT_FALSE(looksLikeBadgeToken("SS1|L|00000001|x"));
    refusal("SS1|L|00000001|attendance-a4-v1|1|school");
    refusal("SSB1|nowak|tooshort|X");
    refusal("SSB1|ghost|AAAAAAAAAAAAAAAAAAAAAAAAAA|AAAAAAAAAAAAAAAAAAAAAAAAAA");
    const auto failures = audit("account.signin_failed");
    ASSERT_EQ(failures.size(), 3u);
    EXPECT_EQ(failures[0].actor, "(badge)");
    EXPECT_EQ(accounts.status("nowak").failedAttempts, 0) << "a damaged code names no account";
}

TEST_F(OperatorBadgesTest, TenBadBadgesLockTheAccountAndALockedAccountCannotUseItsBadge) {
    const auto stale = badges.issue(admin, "nowak");
    const auto badge = badges.issue(admin, "nowak");
    for (int i = 0; i < PasswordPolicy::kMaxFailedAttempts; ++i)
        refusal(stale.token);
    ASSERT_TRUE(accounts.status("nowak").lockedUntil);
    EXPECT_EQ(audit("account.lock").size(), 1u);
    const auto message = refusal(badge.token);
    EXPECT_NE(message.find("locked"), std::string::npos) << message;
    EXPECT_FALSE(audit("account.signin_refused").empty());

    accounts.unlock(admin, "nowak");
    EXPECT_EQ(badges.signIn(badge.token).status, SignInStatus::SignedIn);
}

TEST_F(OperatorBadgesTest, ADeactivatedOperatorCannotSignInByBadge) {
    const auto badge = badges.issue(admin, "nowak");
    OperatorDirectory(*station.store).setActive("admin", "nowak", false);
    const auto message = refusal(badge.token);
    EXPECT_NE(message.find("deactivated"), std::string::npos) << message;
    EXPECT_THROW(badges.issue(admin, "nowak"), Error);
}

TEST_F(OperatorBadgesTest, ADuePasswordChangeIsNotSkippedByABadge) {
    const auto badge = badges.issue(admin, "nowak");
    station.clock->advance(PasswordPolicy::kMaxAge + 1h);
    const auto result = badges.signIn(badge.token);
    EXPECT_EQ(result.status, SignInStatus::PasswordChangeRequired);
    EXPECT_TRUE(result.sessionToken.empty());
    EXPECT_NE(result.changeReason.find("sign in with the password"), std::string::npos)
        << result.changeReason;
    EXPECT_EQ(accounts.status("nowak").failedAttempts, 0);
}

TEST_F(OperatorBadgesTest, OnlyAnAdministratorIssuesOrRevokesBadges) {
    EXPECT_THROW(badges.issue(teacher, "nowak"), Error);
    badges.issue(admin, "nowak");
    EXPECT_THROW(badges.revoke(teacher, "nowak"), Error);
    EXPECT_TRUE(badges.active("nowak"));
    EXPECT_THROW(badges.issue(admin, "nobody"), Error);
}

TEST(BadgeKeyTest, IsDerivedFromTheDataKeyAndDiffersFromIt) {
    const auto a = deriveBadgeKey(randomKey(1));
    const auto b = deriveBadgeKey(randomKey(1));
    const auto c = deriveBadgeKey(randomKey(2));
    EXPECT_TRUE(std::equal(a.data(), a.data() + SecretKey::kSize, b.data()));
    EXPECT_FALSE(std::equal(a.data(), a.data() + SecretKey::kSize, c.data()));
    const auto raw = randomKey(1);
    EXPECT_FALSE(std::equal(a.data(), a.data() + SecretKey::kSize, raw.data()));
}
