#include "scanstation/core/data_retention.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/store.hpp"
#include "security/table_dump.hpp"
#include "security/xml_text.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <chrono>
#include <optional>
#include <string_view>

namespace scanstation::core {

using namespace security;

namespace {

struct PupilReference {
    std::string table;
    std::string column;
    std::string schema;
};

// Every (table, column) whose foreign key points at pupils(sourced_id).
std::vector<PupilReference> pupilReferences(Store& store) {
    std::vector<PupilReference> refs;
    for (const auto& [table, schema] : listTables(store)) {
        auto st = store.database().prepare("SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)");
        st.bind(1, table);
        while (st.step())
            if (st.getText(0) == "pupils")
                refs.push_back({table, st.getText(1), schema});
    }
    return refs;
}

std::string quote(const std::string& name) {
    return "\"" + name + "\""; // names come from sqlite_schema, never from the user
}

void requirePupil(Store& store, const std::string& pupilId) {
    auto st = store.database().prepare("SELECT 1 FROM pupils WHERE sourced_id = ?");
    st.bind(1, pupilId);
    if (!st.step())
        throw Error(ErrorKind::NotFound, "no pupil '" + pupilId + "'");
}

// The vault entry of an original from its page_images path "vault:<file sha256><extension>"
// (page_images.hpp); nothing for a plain file of an older store.
std::optional<std::string> vaultIdOf(const std::string& relativePath) {
    constexpr std::string_view kPrefix = "vault:";
    if (relativePath.rfind(kPrefix, 0) != 0)
        return std::nullopt;
    const auto name = relativePath.substr(kPrefix.size());
    return name.substr(0, name.find('.'));
}

std::string utcDate(TimePoint t) {
    return formatUtc(t).substr(0, 10);
}

} // namespace

bool DataRetention::inErasureWindow(TimePoint t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    return ymd.month() == std::chrono::September && static_cast<unsigned>(ymd.day()) <= 15;
}

PurgeReport DataRetention::purgeShreddedImages(const Operator& actor, ImageVault& vault, int keepDays) {
    require(actor.role, Action::ShredCards);
    if (keepDays < 0)
        throw Error(ErrorKind::BadInput, "the retention period must be zero or more days");
    const auto cutoff = toUnixMs(m_store.clock().now() - std::chrono::days(keepDays));
    Transaction tx(m_store);
    // One vault entry holds a whole original file (several pages of a TIFF or PDF may belong to
    // different cards): it goes only when every card read from that file is past the period.
    static constexpr const char* kShreddedBefore =
        "state = 'shredded' AND (SELECT MAX(t.at_ms) FROM card_transitions t "
        "WHERE t.serial = c.serial AND t.to_state = 'shredded') <= ?1";
    auto st = m_store.database().prepare(
        std::string("SELECT c.serial, p.relative_path FROM cards c JOIN card_readings r ON r.serial = c.serial "
                    "JOIN page_images p ON p.hash = r.page_hash WHERE c.") +
        kShreddedBefore +
        " AND NOT EXISTS (SELECT 1 FROM page_images p2 JOIN card_readings r2 ON r2.page_hash = p2.hash "
        "JOIN cards c ON c.serial = r2.serial WHERE p2.relative_path = p.relative_path AND NOT (c." +
        kShreddedBefore + ")) ORDER BY c.serial, r.id");
    st.bind(1, cutoff);
    PurgeReport report;
    while (st.step()) {
        const auto serial = st.getText(0);
        const auto vaultId = vaultIdOf(st.getText(1));
        if (!vaultId || !vault.remove(*vaultId))
            continue; // a plain original of an older store, or already purged
        AuditLog(m_store).append(actor.login, "image.purge", "card:" + serial,
                                 "page image " + *vaultId + " deleted " + std::to_string(keepDays) +
                                     "+ days after shredding");
        if (report.cards.empty() || report.cards.back() != serial)
            report.cards.push_back(serial);
        report.imageIds.push_back(*vaultId);
    }
    tx.commit();
    return report;
}

std::string DataRetention::exportPupil(const Operator& actor, const std::string& pupilId, const std::string& recipient) {
    require(actor.role, Action::ExportPupilData);
    Transaction tx(m_store);
    requirePupil(m_store, pupilId);
    AuditLog(m_store).append(actor.login, "pupil.export", "pupil:" + pupilId,
                             "extra copy of the pupil's data for " + (recipient.empty() ? "(unnamed)" : recipient));
    PupilAccessLog(m_store).recordView(actor.login, pupilId, "pupil data export");
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!-- ScanStation pupil data export; cells as in docs/ARCHIVE.md -->\n"
                      "<scanstation-pupil-export format=\"1\" pupil=\"" + escapeXml(pupilId) + "\" created=\"" +
                      formatUtc(m_store.clock().now()) + "\" created-by=\"" + escapeXml(actor.login) +
                      "\" recipient=\"" + escapeXml(recipient) + "\">\n";
    for (const auto& [table, schema] : listTables(m_store))
        if (table == "pupils")
            writeTableXml(xml, m_store, table, schema, "sourced_id = ?", pupilId);
    for (const auto& ref : pupilReferences(m_store))
        writeTableXml(xml, m_store, ref.table, ref.schema, quote(ref.column) + " = ?", pupilId);
    xml += "</scanstation-pupil-export>\n";
    tx.commit();
    return xml;
}

void DataRetention::erasePupil(const Operator& actor, const std::string& pupilId, const std::string& reason) {
    require(actor.role, Action::ErasePupilData);
    const auto now = m_store.clock().now();
    if (!inErasureWindow(now))
        throw Error(ErrorKind::Conflict, "a pupil may be erased only from 1 to 15 September (000 ch. IV §3); today is " +
                                             utcDate(now) + ": strike the pupil off instead");
    if (reason.empty())
        throw Error(ErrorKind::BadInput, "erasing a pupil needs a reason");
    Transaction tx(m_store);
    requirePupil(m_store, pupilId);
    int rows = 0;
    for (const auto& ref : pupilReferences(m_store)) {
        m_store.database().prepare("DELETE FROM " + quote(ref.table) + " WHERE " + quote(ref.column) + " = ?").bind(1, pupilId).run();
        rows += m_store.database().changes();
    }
    m_store.database().prepare("DELETE FROM pupils WHERE sourced_id = ?").bind(1, pupilId).run();
    AuditLog(m_store).append(actor.login, "pupil.erase", "pupil:" + pupilId,
                             reason + " (" + std::to_string(rows) + " related rows erased)");
    tx.commit();
}

} // namespace scanstation::core
