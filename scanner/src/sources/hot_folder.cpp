#include "scanstation/scanner/sources/hot_folder.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/page_reader.hpp"
#include "sources/hot_folder_ledger.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <thread>

namespace scanstation::scanner {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLedgerName = ".scanstation-ledger";

bool isTemporaryName(const std::string& name) {
    static constexpr std::array<const char*, 5> kSuffixes{".part", ".tmp", ".crdownload", ".filepart", "~"};
    if (name.empty() || name[0] == '.')
        return true;
    return std::any_of(kSuffixes.begin(), kSuffixes.end(), [&](const char* s) {
        const std::string suffix(s);
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

std::string jsonQuoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", c);
            out += esc;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// processed/name, or processed/name-2.ext when a file of that name was processed before.
fs::path freeTarget(const fs::path& folder, const fs::path& name) {
    fs::path target = folder / name;
    for (int n = 2; fs::exists(target) || fs::exists(fs::path(target) += ".json"); ++n)
        target = folder / (name.stem().string() + "-" + std::to_string(n) + name.extension().string());
    return target;
}

void writeSidecar(const HotFolderResult& r) {
    const fs::path sidecar = fs::path(r.movedTo) += ".json";
    const fs::path temp = fs::path(sidecar) += ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << "{\n  \"file\": " << jsonQuoted(r.original.filename().string()) << ",\n  \"status\": "
            << jsonQuoted(toString(r.outcome)) << ",\n  \"pages\": " << r.pagesHandled << ",\n  \"sha256\": "
            << jsonQuoted(r.sha256) << ",\n  \"reason\": " << jsonQuoted(r.reason) << ",\n  \"at\": "
            << jsonQuoted(detail::utcNow()) << "\n}\n";
        if (!out)
            throw Error(ErrorKind::Infrastructure, "cannot write " + temp.string());
    }
    fs::rename(temp, sidecar);
}

} // namespace

std::string toString(HotFolderOutcome outcome) {
    switch (outcome) {
    case HotFolderOutcome::Processed: return "processed";
    case HotFolderOutcome::Failed: return "failed";
    case HotFolderOutcome::Duplicate: return "duplicate";
    }
    return "unknown";
}

HotFolder::HotFolder(HotFolderOptions options) : m_options(std::move(options)) {
    std::error_code ec;
    if (!fs::is_directory(m_options.folder, ec))
        throw Error(ErrorKind::BadInput, m_options.folder.string() + ": not a folder");
    for (const char* sub : {"processed", "failed"}) {
        fs::create_directories(m_options.folder / sub, ec);
        if (ec)
            throw Error(ErrorKind::Infrastructure, "cannot create " + (m_options.folder / sub).string() + ": " + ec.message());
    }
}

bool HotFolder::isStable(const fs::path& file) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    const fs::file_time_type mtime = fs::last_write_time(file, ec);
    if (ec)
        return false;
    const auto now = std::chrono::steady_clock::now();
    auto [it, inserted] = m_seen.try_emplace(file, Sighting{size, mtime, now});
    if (inserted)
        return false; // seen for the first time: wait at least one settle time
    if (it->second.size != size || it->second.mtime != mtime) {
        it->second = Sighting{size, mtime, now};
        return false;
    }
    return now - it->second.since >= m_options.settleTime && size > 0;
}

std::vector<HotFolderResult> HotFolder::poll(const HotFolderPageHandler& handler) {
    std::vector<fs::path> ready;
    std::error_code ec;
    std::map<fs::path, Sighting> stillThere;
    for (const auto& entry : fs::directory_iterator(m_options.folder, ec)) {
        const fs::path& p = entry.path();
        if (!entry.is_regular_file() || isTemporaryName(p.filename().string()))
            continue;
        if (isStable(p))
            ready.push_back(p);
        else
            stillThere[p] = m_seen[p];
    }
    if (ec)
        throw Error(ErrorKind::Infrastructure, "cannot list " + m_options.folder.string() + ": " + ec.message());
    m_seen = std::move(stillThere); // forget files that went away or are handled now
    std::sort(ready.begin(), ready.end());
    std::vector<HotFolderResult> results;
    for (const fs::path& file : ready)
        results.push_back(handle(file, handler));
    return results;
}

HotFolderResult HotFolder::handle(const fs::path& file, const HotFolderPageHandler& handler) {
    detail::HotFolderLedger ledger(m_options.folder / kLedgerName);
    HotFolderResult result;
    result.original = file;
    try {
        result.sha256 = detail::fileSha256(file);
        if (!hasPageFileExtension(file))
            throw Error(ErrorKind::BadInput, file.filename().string() + ": not a page file (PNG, JPEG, TIFF, PDF or PNM)");
        if (const std::string earlier = ledger.find(result.sha256); !earlier.empty()) {
            result.outcome = HotFolderOutcome::Duplicate;
            result.reason = "same content as " + earlier + "; not processed again";
        } else {
            PageFileReader reader(file);
            const HotFolderFile info{file, result.sha256, reader.pageCount()};
            while (auto page = reader.next()) {
                handler(info, *page);
                ++result.pagesHandled;
            }
            result.outcome = HotFolderOutcome::Processed;
        }
    } catch (const std::exception& e) {
        result.outcome = HotFolderOutcome::Failed;
        result.reason = e.what();
    }
    const bool failed = result.outcome == HotFolderOutcome::Failed;
    result.movedTo = freeTarget(m_options.folder / (failed ? "failed" : "processed"), file.filename());
    if (result.outcome == HotFolderOutcome::Processed)
        ledger.record(result.sha256, toString(result.outcome), file.filename().string(),
                      fs::relative(result.movedTo, m_options.folder).string());
    writeSidecar(result);
    fs::rename(file, result.movedTo); // same file system: atomic
    return result;
}

std::vector<HotFolderResult> HotFolder::drain(const HotFolderPageHandler& handler) {
    std::vector<HotFolderResult> all;
    // A file must stay unchanged for a settle time, so every file needs two sightings; a file
    // still growing after several settle times is being written by something slow: leave it.
    for (int pass = 0; pass < 6; ++pass) {
        auto results = poll(handler);
        all.insert(all.end(), std::make_move_iterator(results.begin()), std::make_move_iterator(results.end()));
        if (m_seen.empty())
            break;
        std::this_thread::sleep_for(m_options.settleTime + std::chrono::milliseconds(20));
    }
    return all;
}

void HotFolder::run(const HotFolderPageHandler& handler, const std::function<void(const HotFolderResult&)>& onResult) {
    while (!m_stop) {
        for (const auto& r : poll(handler))
            onResult(r);
        for (auto waited = std::chrono::milliseconds(0); waited < m_options.pollInterval && !m_stop;
             waited += std::chrono::milliseconds(50))
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

} // namespace scanstation::scanner
