#include "demo_station_data.hpp"

#include "demo_badges.hpp"

#include "scanstation/core/accounts.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/scanner/card_filler.hpp"
#include "scanstation/scanner/png_file.hpp"
#include "scanstation/sync/oneroster_json.hpp"
#include "scanstation/sync/register_client.hpp"
#include "scanstation/templates/card_printer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <QTemporaryDir>

#include <mutex>

namespace scanstation::ui::demo {

namespace {

namespace fs = std::filesystem;

constexpr double kFeederDpi = 150; // what a school's feeder scanner is usually set to
constexpr const char* kFeeder = "demo-feeder";
const core::Date kDemoDay{2026, 11, 23}; // Monday of core's demo week

// The passwords of the demo operators: first a one-time password set by the bootstrap, then
// the known password given at the first sign-in (as a real operator would).
void setPasswords(core::Store& store) {
    core::Accounts accounts(store, core::PasswordHashCost::Minimal); // published demo passwords
    const auto admin = core::OperatorDirectory(store).find("admin");
    std::optional<core::Operator> actor; // the very first password needs no administrator
    for (const auto& account : demoAccounts()) {
        const std::string first = account.oneTime ? account.password : "Start" + account.password;
        accounts.setOneTimePassword(actor, account.login, first);
        actor = admin;
        if (account.oneTime)
            continue;
        accounts.signOut(accounts.signIn(account.login, first, account.password).sessionToken);
    }
}

// Prints five lessons of the first class on the demo Monday and one outage card, fills them in
// as teachers would (scanner's CardFiller: pen marks, then a document scanner's skew and
// noise), and adds a letter that is not a card and the first card fed a second time.
void fillFeeder(core::Store& store, const fs::path& keyDir, const fs::path& feeder) {
    const auto key = core::stationCardKeys(store, keyDir).current().key;
    templates::CardPrinter printer(store, key);
    templates::PrintOptions options; // the PDF a teacher would get; the feeder gets the fill
    options.outDir = feeder.parent_path() / "demo-printed";
    const auto dir = templates::shippedTemplateDir();
    const auto firstClass = core::Roster(store).classes().at(0).code;
    auto lessonSlots = templates::lessonsOf(store, firstClass, kDemoDay, kDemoDay);
    lessonSlots.resize(std::min<std::size_t>(lessonSlots.size(), 5));
    const auto lessons =
        printer.printLessons("admin", templates::findTemplate(dir, "attendance-a4-v1"), lessonSlots, options);
    const auto outage = printer.printOutage("admin", templates::findTemplate(dir, "outage-a4-v1"), 1, options);
    fs::remove_all(options.outDir);

    using scanner::attendanceMark;
    using scanner::PenStroke;
    // What each teacher marked; the third card has two marks in row 4 (recognition flags it),
    // and it lay upside down and 2 degrees askew on the glass (the Card screen draws what was
    // read where it is on such a page; near the most a sheet can turn before a registration
    // mark leaves a scanner's A4 field).
    // A faint pencil mark is left out on purpose: whether it is flagged depends on the
    // recognition thresholds of the day, and the demo must show the same pages every time.
    const std::vector<std::vector<scanner::PenMark>> marks = {
        {attendanceMark(3, "nb"), attendanceMark(9, "sp")},
        {attendanceMark(3, "nb")},
        {attendanceMark(4, "nb"), attendanceMark(4, "u"), attendanceMark(7, "zw")},
        {attendanceMark(6, "u", PenStroke::Tick)},
        {attendanceMark(2, "nb", PenStroke::Cross), attendanceMark(11, "sp")},
    };
    const scanner::CardFiller filler(templates::loadTemplateDir(dir));
    scanner::FillOptions fill;
    fill.dpi = kFeederDpi;
    fs::create_directories(feeder);
    const auto page = [&](int n) { return feeder / ("page-0" + std::to_string(n) + ".png"); };
    for (std::size_t i = 0; i < lessons.cards.size(); ++i) {
        fill.seed = i + 1;
        fill.skewDegrees = i == 2 ? 182.0 : scanner::FillOptions{}.skewDegrees;
        const auto image = filler.fillIssued(store, key, lessons.cards[i].card.serial, marks.at(i), fill);
        scanner::writePng(image.view(), page(static_cast<int>(i) + 1));
        if (i == 0)
            scanner::writePng(image.view(), page(8)); // the same sheet fed twice
    }
    fill.seed = 6;
    fill.skewDegrees = scanner::FillOptions{}.skewDegrees;
    scanner::writePng(filler.fillIssued(store, key, outage.cards.at(0).card.serial, {attendanceMark(5, "nb")}, fill).view(),
                      page(6));
    scanner::writePng(scanner::notACardPage(kFeederDpi).view(), page(7)); // a letter that slipped in
}

void build(const fs::path& dataDir, const fs::path& keyDir) {
    core::Store store(core::SealedDataDir(dataDir, keyDir)); // a demo's new keys need no notice
    core::installDemoSchool(store, "admin", dataDir / "demo-files");
    setPasswords(store);
    fillFeeder(store, keyDir, dataDir / kFeeder);
    makeDemoBadges(store, keyDir, dataDir); // demo_badges.hpp
}

// The process's demo: the key directory and the first data directory built under it.
struct DemoTemplate {
    std::mutex mutex;
    std::unique_ptr<QTemporaryDir> keys;
    std::unique_ptr<QTemporaryDir> first;
};

DemoTemplate& demoTemplate() {
    static DemoTemplate demo;
    return demo;
}

fs::path keyDirLocked(DemoTemplate& demo) {
    if (!demo.keys) {
        auto dir = std::make_unique<QTemporaryDir>(); // mode 0700, as a key directory must be
        if (!dir->isValid())
            throw Error(ErrorKind::Infrastructure, "demo: cannot create a temporary key directory");
        demo.keys = std::move(dir);
    }
    return demo.keys->path().toStdString();
}

} // namespace

const std::vector<DemoAccount>& demoAccounts() {
    // admin first: the bootstrap gives the very first password.
    static const std::vector<DemoAccount> accounts = {
        {"admin", "Admin1234", false},          {"dyrektor", "Dyrektor1234", false},
        {"sekretariat", "Sekret1234", false},   {"wizytator", "Wizytator1234", false},
        {"jkaczmarek", "Kaczmarek1234", false}, {"gsikora", "Sikora1234", false},
        {"rjakubowski", "Jakubowski1234", false}, {"abaran", "Baran1234", true},
    };
    return accounts;
}

std::string demoFeederSource(const std::filesystem::path& dataDir) {
    return "folder:" + (dataDir / kFeeder).string();
}

RegisterConfig referenceRegisterFromEnvironment() {
    RegisterConfig reg;
    reg.url = qEnvironmentVariable("SCANSTATION_REGISTER_URL").toStdString();
    reg.allowPlainHttp = true; // RegisterClient honours it for a loopback host only
    const auto client = qEnvironmentVariable("SCANSTATION_REGISTER_CLIENT").toStdString();
    if (const auto colon = client.find(':'); colon != std::string::npos) {
        reg.clientId = client.substr(0, colon);
        reg.clientSecret = client.substr(colon + 1);
    }
    return reg;
}

void seedReferenceRegister(const core::SealedDataDir& dataDir, const RegisterConfig& reg) {
    sync::RegisterEndpoint endpoint;
    endpoint.baseUrl = reg.url;
    endpoint.clientId = reg.clientId;
    endpoint.clientSecret = reg.clientSecret;
    endpoint.allowPlainHttp = reg.allowPlainHttp;
    sync::RegisterClient client(endpoint);
    core::Store store(dataDir);
    const auto problem = client.seedReferenceRegister(sync::oneRosterJson(core::Roster(store).snapshot()));
    if (!problem.empty())
        throw Error(ErrorKind::Infrastructure, "demo: the reference register refused the demo roster: " + problem);
}

std::filesystem::path demoKeyDir() {
    auto& demo = demoTemplate();
    std::lock_guard lock(demo.mutex);
    return keyDirLocked(demo);
}

void makeDemoDataDir(const std::filesystem::path& dataDir) {
    // One demo per process is built; every other is a copy (the Qt Quick tests make many).
    auto& demo = demoTemplate();
    std::lock_guard lock(demo.mutex);
    const auto keyDir = keyDirLocked(demo);
    if (!demo.first) {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid())
            throw Error(ErrorKind::Infrastructure, "demo: cannot create a temporary folder");
        build(dir->path().toStdString(), keyDir); // the store is closed (checkpointed) when build returns
        demo.first = std::move(dir);
    }
    fs::copy(demo.first->path().toStdString(), dataDir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

} // namespace scanstation::ui::demo
