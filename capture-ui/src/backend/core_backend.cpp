// CoreBackend: the store, the school's name and the operator's session (core Accounts).
#include "core_backend.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/password_policy.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/timetable.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/scanner/recognizer.hpp"
#include "scanstation/scanner/sources/hot_folder.hpp"
#include "scanstation/scanner/sources/page_source.hpp"
#include "scanstation/sync/sync_worker.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <cstdio>

namespace scanstation::ui {

namespace {
std::filesystem::path keyDirOf(BackendConfig& config) {
    if (config.keyDir.empty())
        config.keyDir = core::KeyStore::defaultDir();
    core::KeyStore::checkApart(config.keyDir, config.dataDir); // as the CLI refuses keys inside the data
    return config.keyDir;
}
} // namespace

CoreBackend::CoreBackend(BackendConfig config) : m_config(std::move(config)) {
    keyDirOf(m_config);
    // Opening the sealed store creates the keys of a fresh station, so the data key exists after.
    m_store = std::make_unique<core::Store>(sealedDataDir());
    m_dataKey = core::KeyStore(m_config.keyDir).dataKey();
    m_templates = templates::loadTemplateDir(templates::shippedTemplateDir());
}

core::SealedDataDir CoreBackend::sealedDataDir() const {
    return core::SealedDataDir(m_config.dataDir, m_config.keyDir, [](const std::string& note) {
        std::fprintf(stderr, "scanstation-kiosk: %s\n", note.c_str());
    });
}

CoreBackend::~CoreBackend() {
    stopWork();
}

std::string CoreBackend::schoolName() const {
    std::lock_guard lock(m_mutex);
    const auto school = core::Roster(*m_store).school();
    return (school ? school->name : std::string("ScanStation")) + m_config.nameSuffix;
}

int CoreBackend::maxIdleMinutes() const {
    return static_cast<int>(core::PasswordPolicy::kIdleSignOut.count());
}

SignInOutcome CoreBackend::signIn(const std::string& login, const std::string& secret,
                                  const std::optional<std::string>& newPassword) {
    // Argon2id takes a while: on this worker's own connection, so the screens stay live.
    core::Store store(sealedDataDir());
    core::Accounts accounts(store, m_config.hashCost);
    SignInOutcome out;
    core::SignInResult result;
    try {
        result = accounts.signIn(login, secret, newPassword);
    } catch (const Error& e) {
        // A wrong password, a locked account or a new password the policy refuses: core's words.
        if (e.kind() != ErrorKind::PermissionDenied && e.kind() != ErrorKind::BadInput)
            throw;
        out.message = e.what();
        return out;
    }
    return signedIn(result);
}

// A sign-in core accepted (by password or badge) becomes the kiosk's session.
SignInOutcome CoreBackend::signedIn(const core::SignInResult& result) {
    SignInOutcome out;
    out.operatorName = result.op.displayName;
    if (result.status == core::SignInStatus::PasswordChangeRequired) {
        out.mustChangePassword = true;
        out.changeReason = result.changeReason;
        out.login = result.op.login;
        return out;
    }
    out.ok = true;
    out.role = core::toString(result.op.role);
    for (const auto action : core::allActions())
        if (core::allowance(result.op.role, action) != core::Allowance::Refused)
            out.allowedActions.push_back(core::toString(action)); // the kiosk hides the rest
    out.lastSuccess = result.previousSuccess;
    out.lastFailure = result.previousFailure;
    std::lock_guard lock(m_mutex);
    if (m_session)
        core::Accounts(*m_store).signOut(*m_session); // one operator at a time on a kiosk
    m_session = result.sessionToken;
    m_operator = result.op;
    return out;
}

void CoreBackend::signOut() {
    std::lock_guard lock(m_mutex);
    if (m_session)
        core::Accounts(*m_store).signOut(*m_session);
    m_session.reset();
    m_operator.reset();
}

core::Operator CoreBackend::actor() {
    if (!m_session)
        throw Error(ErrorKind::PermissionDenied, "sign in first");
    // core ends a session after 45 minutes without activity; every call here is activity.
    m_operator = core::Accounts(*m_store).authenticate(*m_session);
    return *m_operator;
}

void CoreBackend::stopWork() {
    m_cancelScan = true;
    std::lock_guard lock(m_workMutex);
    if (m_runningSource)
        m_runningSource->cancel();
    if (m_runningFolder)
        m_runningFolder->stop();
    if (m_runningSync)
        m_runningSync->requestStop();
    m_cancelBadgeLook = true;
    if (m_badgeCamera)
        m_badgeCamera->cancel();
}

std::filesystem::path CoreBackend::outputDir(const std::string& name) const {
    const auto dir = m_config.dataDir / name;
    std::filesystem::create_directories(dir);
    return dir;
}

// The lesson a card was printed for; an outage card names none until it is assigned.
CoreBackend::LessonInfo CoreBackend::lessonOf(core::Store& store, const std::string& serial) const {
    const auto card = serial.empty() ? std::nullopt : core::CardRegistry(store).find(serial);
    if (!card)
        return {};
    if (!card->lessonSlotId)
        return {"", "", "outage card, not assigned"};
    const auto slot = core::Timetable(store).slot(*card->lessonSlotId);
    if (!slot)
        return {};
    const auto day = slot->date.toString();
    return {slot->classOrGroupCode, day,
            day + ", lesson " + std::to_string(slot->lessonNumber) + ", " + slot->classOrGroupCode + ", " +
                slot->subjectCode};
}

} // namespace scanstation::ui
