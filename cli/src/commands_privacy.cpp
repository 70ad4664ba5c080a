// scanstation privacy export|erase|views|purge-images: pupils' data rights and retention.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/data_retention.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace scanstation::cli {

namespace {

struct PrivacyOptions {
    std::string pupil;
    std::string recipient;
    std::string out;
    std::string reason;
    std::string keyDir;
    int keepDays = 30;
};

void writeNewFile(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Conflict, "cannot create " + path + " (exports are never overwritten)");
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw Error(ErrorKind::Infrastructure, "cannot write " + path);
}

void exportPupil(const CliContext& ctx, const PrivacyOptions& o) {
    if (o.out.empty() || o.recipient.empty())
        throw Error(ErrorKind::BadInput, "give --out FILE and --for RECIPIENT (every copy is recorded with its recipient)");
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    writeNewFile(o.out, core::DataRetention(store).exportPupil(actor, o.pupil, o.recipient));
    std::cout << "pupil " << o.pupil << " exported to " << o.out << " for " << o.recipient << "\n";
}

void erasePupil(const CliContext& ctx, const PrivacyOptions& o) {
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::DataRetention(store).erasePupil(actor, o.pupil, o.reason);
    std::cout << "pupil " << o.pupil << " erased\n";
}

void views(const CliContext& ctx, const PrivacyOptions& o) {
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::require(actor.role, core::Action::ViewAudit);
    for (const auto& e : core::PupilAccessLog(store).viewsOf(o.pupil)) {
        const auto secs = std::chrono::system_clock::to_time_t(e.at);
        std::tm tm{};
        gmtime_r(&secs, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        std::cout << buf << "\t" << e.actor << "\t" << e.details << "\n";
    }
}

void purge(const CliContext& ctx, const PrivacyOptions& o) {
    // One key directory for the store and its images: with another key the vault would find
    // none of the images' (keyed) file names, and delete nothing without a word.
    auto dir = ctx.dataDir();
    if (!o.keyDir.empty())
        dir.keyDir = o.keyDir;
    core::Store store(dir);
    const auto actor = signedInOperator(store);
    core::ImageVault vault(store.dataDir() / "vault", core::KeyStore(store.keyDir()).dataKey());
    const auto report = core::DataRetention(store).purgeShreddedImages(actor, vault, o.keepDays);
    std::cout << report.imageIds.size() << " images of " << report.cards.size() << " shredded cards deleted\n";
}

} // namespace

void addPrivacyCommands(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<PrivacyOptions>();
    auto* group = app.add_subcommand("privacy", "Pupils' data: export, erasure (1-15 September), views, image retention");
    group->require_subcommand(1);

    auto* exp = group->add_subcommand("export", "Export one pupil's data as XML (recorded as an extra copy)");
    exp->add_option("pupil", o->pupil, "Pupil id (sourcedId)")->required();
    exp->add_option("--for", o->recipient, "Who receives the copy")->required();
    exp->add_option("--out", o->out, "File to write")->required();
    exp->callback([&ctx, o] { exportPupil(ctx, *o); });

    auto* erase = group->add_subcommand("erase", "Erase a pupil entirely (only 1-15 September)");
    erase->add_option("pupil", o->pupil)->required();
    erase->add_option("--reason", o->reason)->required();
    erase->callback([&ctx, o] { erasePupil(ctx, *o); });

    auto* viewsCmd = group->add_subcommand("views", "Who viewed a pupil's data, and when");
    viewsCmd->add_option("pupil", o->pupil)->required();
    viewsCmd->callback([&ctx, o] { views(ctx, *o); });

    auto* purgeCmd = group->add_subcommand("purge-images", "Delete images of cards shredded long enough ago");
    purgeCmd->add_option("--keep-days", o->keepDays, "Days to keep images after shredding (default 30)");
    purgeCmd->add_option("--keys", o->keyDir, "Key directory");
    purgeCmd->callback([&ctx, o] { purge(ctx, *o); });
}

} // namespace scanstation::cli
