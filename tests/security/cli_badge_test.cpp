// `scanstation operator badge`: an administrator prints a badge whose QR code the scanner's
// badge reader finds and core signs in with; a new badge revokes the old one; nobody else may
// print one. The real binary, a real sealed store, the PNG read back as a page.
#include "cli_station_test.hpp"
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/badge_reader.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"

#include <fstream>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using namespace scanstation;

class CliBadgeTest : public sectest::CliStationTest {
protected:
    core::Store store() { return core::Store(core::SealedDataDir(dir / "data", dir / "keys")); }

    // An administrator and a teacher, each past the first sign-in (passwords "Chosen-...2").
    void seed() {
        seedOperator("admin", core::Role::Administrator, "First-admin1");
        seedOperator("nowak", core::Role::Teacher, "First-nowak1");
        core::Store s = store();
        core::Accounts accounts(s, core::PasswordHashCost::Minimal);
        accounts.signIn("admin", "First-admin1", std::string("Chosen-admin2"));
        accounts.signIn("nowak", "First-nowak1", std::string("Chosen-nowak2"));
    }

    // The badge token read from a printed PNG, as the kiosk reads a scanned page.
    std::optional<std::string> tokenIn(const fs::path& png) {
        const auto pages = scanner::readPages(png);
        EXPECT_EQ(pages.size(), 1u);
        return pages.empty() ? std::nullopt : scanner::findBadge(pages[0].image.view()).token;
    }

    core::SignInResult signInWith(const std::string& token) {
        core::Store s = store();
        return core::OperatorBadges(s, core::deriveBadgeKey(core::KeyStore(dir / "keys").dataKey()))
            .signIn(token);
    }
};

} // namespace

TEST_F(CliBadgeTest, AnAdministratorPrintsABadgeThatSignsItsOperatorIn) {
    seed();
    ASSERT_EQ(run("operator login admin", "Chosen-admin2\n").code, 0);
    const auto png = dir / "nowak.png";
    const auto made = run("operator badge nowak --out '" + png.string() + "'");
    ASSERT_EQ(made.code, 0) << made.out;
    EXPECT_EQ(fs::status(png).permissions() & fs::perms::others_read, fs::perms::none);
    const auto token = tokenIn(png);
    ASSERT_TRUE(token) << "no badge found in the printed PNG";
    const auto result = signInWith(*token);
    EXPECT_EQ(result.status, core::SignInStatus::SignedIn);
    EXPECT_EQ(result.op.login, "nowak");

    const auto pdf = dir / "nowak.pdf";
    ASSERT_EQ(run("operator badge nowak --out '" + pdf.string() + "'").code, 0);
    std::ifstream in(pdf, std::ios::binary);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    // The PDF's badge replaced the PNG's: the PNG no longer signs in.
    EXPECT_THROW(signInWith(*token), Error);
}

TEST_F(CliBadgeTest, OnlyAnAdministratorPrintsOrRevokesBadges) {
    seed();
    ASSERT_EQ(run("operator login nowak", "Chosen-nowak2\n").code, 0);
    const auto refused = run("operator badge nowak --out '" + (dir / "b.png").string() + "'");
    EXPECT_EQ(refused.code, 5) << refused.out;
    EXPECT_FALSE(fs::exists(dir / "b.png"));
    EXPECT_EQ(run("operator badge admin --revoke").code, 5);
    EXPECT_EQ(run("operator badge --revoke").code, 2) << "LOGIN is required";
}

TEST_F(CliBadgeTest, RevokeEndsTheBadgeAndAPageWithoutABadgeIsAFinding) {
    seed();
    ASSERT_EQ(run("operator login admin", "Chosen-admin2\n").code, 0);
    const auto png = dir / "admin.png";
    ASSERT_EQ(run("operator badge admin --out '" + png.string() + "'").code, 0);
    const auto token = tokenIn(png);
    ASSERT_TRUE(token);
    ASSERT_EQ(run("operator badge admin --revoke").code, 0);
    EXPECT_THROW(signInWith(*token), Error);

    scanner::Image blank(600, 400, scanner::PixelFormat::Gray8);
    std::fill(blank.data(), blank.data() + 600 * 400, std::uint8_t{255});
    const auto none = scanner::findBadge(blank.view());
    EXPECT_FALSE(none.found());
    EXPECT_EQ(none.finding, "no code found");
}
