#include "demo_badges.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/templates/badge_printer.hpp"

#include <atomic>

namespace scanstation::ui::demo {

namespace fs = std::filesystem;

namespace {
constexpr double kBadgeDpi = 200;
constexpr const char* kBadges = "demo-badges";
constexpr const char* kCamera = "demo-camera";
} // namespace

void makeDemoBadges(core::Store& store, const fs::path& keyDir, const fs::path& dataDir) {
    const auto admin = core::OperatorDirectory(store).find("admin");
    if (!admin)
        throw Error(ErrorKind::NotFound, "demo: no operator 'admin' to issue a badge to");
    core::OperatorBadges badges(store, core::deriveBadgeKey(core::KeyStore(keyDir).dataKey()));
    const auto issued = badges.issue(*admin, "admin");
    const auto school = core::Roster(store).school();
    templates::BadgeContent content{school ? school->name : std::string(), admin->displayName,
                                    core::toString(admin->role), admin->login, issued.token};
    fs::create_directories(dataDir / kBadges);
    templates::printBadge(content, dataDir / kBadges / "admin.png", kBadgeDpi);
    // A forgery: one character of the signature changed.
    auto& c = content.token[content.token.size() - 5];
    c = c == 'A' ? 'B' : 'A';
    templates::printBadge(content, dataDir / kBadges / "forged.png", kBadgeDpi);
}

std::string demoBadgeSource(const fs::path& dataDir) {
    fs::create_directories(dataDir / kCamera);
    return "hot:" + (dataDir / kCamera).string();
}

void showDemoBadge(const fs::path& dataDir, const std::string& name) {
    static std::atomic_int shown{0};
    const auto badge = dataDir / kBadges / (name + ".png");
    if (name.find('/') != std::string::npos || !fs::exists(badge))
        throw Error(ErrorKind::NotFound,
                    "demo: no badge '" + name + "' in " + (dataDir / kBadges).string());
    fs::create_directories(dataDir / kCamera);
    // Written under a temporary name and renamed: the sign-in screen never reads half a file.
    const auto target = dataDir / kCamera / (name + "-" + std::to_string(++shown) + ".png");
    const auto partial = dataDir / kCamera / (".partial-" + target.filename().string());
    fs::copy_file(badge, partial, fs::copy_options::overwrite_existing);
    fs::rename(partial, target);
}

} // namespace scanstation::ui::demo
