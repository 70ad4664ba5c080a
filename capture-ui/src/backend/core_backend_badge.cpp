// CoreBackend: operator badges shown on the sign-in screen (scanner's findBadge on the badge
// sources' pages, core's OperatorBadges for the sign-in).
#include "core_backend.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operator_badges.hpp"
#include "scanstation/scanner/badge_reader.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "scanstation/scanner/sources/page_source.hpp"

#include <algorithm>

namespace scanstation::ui {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> folderOf(const std::string& spec) {
    for (const std::string prefix : {"hot:", "folder:"})
        if (spec.rfind(prefix, 0) == 0)
            return fs::path(spec.substr(prefix.size()));
    return std::nullopt;
}

bool isCamera(const std::string& spec) {
    return spec == "camera" || spec.rfind("camera:", 0) == 0;
}

// A file changed since it was looked at (rewritten by a copier) is looked at again.
std::string fileKey(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    return file.string() + "|" + std::to_string(size) + "|" + std::to_string(time);
}

std::string notABadge(const scanner::BadgeFinding& f, const std::string& where) {
    return f.finding == "no code found" ? std::string() : where + ": " + f.finding;
}

} // namespace

BadgeSighting CoreBackend::lookForBadge() {
    m_cancelBadgeLook = false;
    std::vector<std::string> sources = m_config.badgeSources;
    if (sources.empty())
        std::copy_if(m_config.sources.begin(), m_config.sources.end(), std::back_inserter(sources),
                     [](const std::string& s) { return folderOf(s) || isCamera(s); });
    BadgeSighting seen;
    for (const auto& spec : sources) {
        if (m_cancelBadgeLook)
            break;
        auto look = folderOf(spec)   ? lookInFolder(*folderOf(spec))
                    : isCamera(spec) ? lookAtCamera(spec)
                                     : BadgeSighting{};
        if (look.token)
            return look;
        if (!look.finding.empty())
            seen.finding = look.finding;
    }
    return seen;
}

void CoreBackend::cancelBadgeLook() {
    m_cancelBadgeLook = true;
    std::lock_guard lock(m_workMutex);
    if (m_badgeCamera)
        m_badgeCamera->cancel();
}

BadgeSighting CoreBackend::lookInFolder(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && scanner::hasPageFileExtension(entry.path()) &&
            entry.path().filename().string().front() != '.') // a copy still being made
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    BadgeSighting seen;
    for (const auto& file : files) {
        const auto key = fileKey(file);
        {
            std::lock_guard lock(m_badgeMutex);
            if (m_badgeFilesSeen.count(key))
                continue;
        }
        scanner::BadgeFinding finding;
        try {
            scanner::PageFileReader reader(file);
            const auto page = reader.next(); // a badge is one page: the first is enough
            if (!page)
                continue;
            finding = scanner::findBadge(page->image.view());
        } catch (const std::exception&) {
            continue; // still being written, or not an image: looked at again next time
        }
        if (finding.token) {
            fs::remove(file, ec); // the image of a badge is a credential: not kept, never ingested
            seen.token = finding.token;
            return seen;
        }
        std::lock_guard lock(m_badgeMutex);
        m_badgeFilesSeen.insert(key); // a page for the Scan screen: left where it is
        if (const auto what = notABadge(finding, file.filename().string()); !what.empty())
            seen.finding = what;
    }
    return seen;
}

BadgeSighting CoreBackend::lookAtCamera(const std::string& spec) {
    // The camera captures what lies still in view (a badge laid under it), as for cards.
    auto camera = scanner::openPageSource(scanner::parseSourceSpec(spec), m_config.sourceSettings);
    {
        std::lock_guard lock(m_workMutex);
        m_badgeCamera = camera.get();
    }
    if (m_cancelBadgeLook)
        camera->cancel();
    scanner::SourceEvent event;
    try {
        event = camera->next();
    } catch (...) {
        std::lock_guard lock(m_workMutex);
        m_badgeCamera = nullptr;
        throw;
    }
    {
        std::lock_guard lock(m_workMutex);
        m_badgeCamera = nullptr;
    }
    BadgeSighting seen;
    if (event.kind != scanner::SourceEvent::Kind::Page)
        return seen;
    const auto finding = scanner::findBadge(event.page.image.view());
    seen.token = finding.token;
    seen.finding = notABadge(finding, camera->describe());
    return seen;
}

SignInOutcome CoreBackend::signInByBadge(const std::string& token) {
    core::Store store(sealedDataDir()); // this worker's own connection
    core::OperatorBadges badges(store, core::deriveBadgeKey(m_dataKey));
    core::SignInResult result;
    try {
        result = badges.signIn(token);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::PermissionDenied)
            throw;
        SignInOutcome refused;
        refused.message = e.what(); // core's words: forged, revoked, locked, deactivated
        return refused;
    }
    return signedIn(result);
}

} // namespace scanstation::ui
