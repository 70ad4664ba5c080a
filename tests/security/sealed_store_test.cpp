// The encrypted store (core::SealedDataDir): nothing readable in the store or WAL files, a
// wrong key or a changed byte refused naming the page, crash recovery through the sealed WAL,
// migrations and the in-place sealing of a plain store.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/key_store.hpp"
#include "scanstation/core/store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace scanstation;

const std::string kPupil = "Zofia Wróblewska-Kowalczyk";
const std::string kSerial = "00424242";

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class SealedStoreTest : public ::testing::Test {
protected:
    fs::path dir = sectest::makeTempDir("sealed");
    fs::path data = dir / "data";
    fs::path keys = dir / "keys";
    std::vector<std::string> notices;

    void TearDown() override { fs::remove_all(dir); }

    core::SealedDataDir sealed(const fs::path& keyDir) {
        return core::SealedDataDir(data, keyDir, [this](const std::string& n) { notices.push_back(n); });
    }
    core::SealedDataDir sealed() { return sealed(keys); }

    static void record(core::Store& store, int count, const std::string& tag = "") {
        core::Transaction tx(store);
        for (int i = 0; i < count; ++i)
            core::AuditLog(store).append("teacher", "card.scanned", "card:" + kSerial,
                                         "pupil " + kPupil + " absent " + tag + std::to_string(i));
        tx.commit();
    }
    static std::size_t entries(core::Store& store, const std::string& action = "card.scanned") {
        core::AuditQuery q;
        q.actionPrefix = action;
        return core::AuditLog(store).list(q).size();
    }
    void flipByte(std::streamoff offset) {
        std::fstream f(data / core::Store::kFileName, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(offset);
        char c = 0;
        f.read(&c, 1);
        c = static_cast<char>(c ^ 0x20);
        f.seekp(offset);
        f.write(&c, 1);
    }
};

TEST_F(SealedStoreTest, NoPupilNameOrCardSerialInTheStoreOrItsWal) {
    core::Store store(sealed());
    ASSERT_TRUE(store.isSealed());
    record(store, 200);
    const auto db = bytesOf(data / core::Store::kFileName);
    const auto wal = bytesOf(data / (std::string(core::Store::kFileName) + "-wal"));
    ASSERT_GT(wal.size(), 32 * 1024u) << "the entries should still be in the WAL";
    for (const auto* bytes : {&db, &wal}) {
        EXPECT_EQ(bytes->find("Wróblewska"), std::string::npos);
        EXPECT_EQ(bytes->find(kSerial), std::string::npos);
        EXPECT_EQ(bytes->find("card.scanned"), std::string::npos);
        EXPECT_EQ(bytes->find("CREATE TABLE"), std::string::npos);
    }
    EXPECT_NE(db.substr(0, 16), std::string("SQLite format 3\0", 16));
    EXPECT_EQ(store.integrityCheck(), "ok");
    EXPECT_EQ(notices.size(), 1u) << "a fresh station reports that its keys were created";
}

TEST_F(SealedStoreTest, CheckpointedStoreReopensWithEverythingAndStaysUnreadable) {
    {
        core::Store store(sealed());
        record(store, 120);
    } // the last connection checkpoints the WAL into the file
    EXPECT_FALSE(fs::exists(data / (std::string(core::Store::kFileName) + "-wal")));
    const auto db = bytesOf(data / core::Store::kFileName);
    EXPECT_EQ(db.find("Wróblewska"), std::string::npos);
    EXPECT_EQ(db.find(kSerial), std::string::npos);
    core::Store again(sealed());
    EXPECT_EQ(entries(again), 120u);
    EXPECT_TRUE(core::AuditLog(again).verify().ok);
    EXPECT_EQ(again.integrityCheck(), "ok");
}

TEST_F(SealedStoreTest, AnotherKeyIsAnIntegrityErrorNamingTheFileAndPage) {
    { core::Store store(sealed()); record(store, 5); }
    core::KeyStore(dir / "other-keys").ensureKeys();
    try {
        core::Store store(sealed(dir / "other-keys"));
        entries(store);
        FAIL() << "opened with another station's key";
    } catch (const Error& e) {
        ASSERT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
        EXPECT_NE(std::string(e.what()).find("station.sqlite3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("page 1"), std::string::npos) << e.what();
    }
}

TEST_F(SealedStoreTest, AFlippedByteIsAnIntegrityErrorNamingThePage) {
    { core::Store store(sealed()); record(store, 300); }
    const auto size = fs::file_size(data / core::Store::kFileName);
    ASSERT_GT(size, 4096u * 6);
    const std::streamoff page = static_cast<std::streamoff>(size / 4096 - 2); // 0-based: page number page+1
    flipByte(page * 4096 + 1000);
    try {
        core::Store store(sealed());
        entries(store);
        (void)store.integrityCheck();
        FAIL() << "a changed page was read without complaint";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
        EXPECT_NE(std::string(e.what()).find("page " + std::to_string(page + 1) + ":"), std::string::npos) << e.what();
    }
}

TEST_F(SealedStoreTest, SigkillMidTransactionKeepsCommittedWorkAndDropsTheRest) {
    { core::Store store(sealed()); }
    const pid_t child = fork();
    if (child == 0) {
        core::Store store(sealed());
        record(store, 50, "committed ");
        core::Transaction open(store);
        for (int i = 0; i < 400; ++i)
            core::AuditLog(store).append("teacher", "card.lost", "card:" + kSerial, "never committed");
        ::kill(::getpid(), SIGKILL);
        _exit(3);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    EXPECT_TRUE(fs::exists(data / (std::string(core::Store::kFileName) + "-wal")));
    core::Store store(sealed());
    EXPECT_EQ(entries(store), 50u);
    EXPECT_EQ(entries(store, "card.lost"), 0u);
    EXPECT_TRUE(core::AuditLog(store).verify().ok);
    EXPECT_EQ(store.integrityCheck(), "ok");
    record(store, 10, "after ");
    EXPECT_EQ(entries(store), 60u);
}

TEST_F(SealedStoreTest, AFreshEncryptedStoreRunsEveryMigration) {
    core::Store store(sealed());
    EXPECT_EQ(store.schemaVersion(), core::Store::latestSchemaVersion());
    EXPECT_GT(core::Store::latestSchemaVersion(), 0);
}

TEST_F(SealedStoreTest, APlainStoreIsSealedInPlaceReportedAndAudited) {
    {
        core::Store plain(data);
        EXPECT_FALSE(plain.isSealed());
        EXPECT_TRUE(plain.keyDir().empty());
        record(plain, 40);
    }
    ASSERT_NE(bytesOf(data / core::Store::kFileName).find(kSerial), std::string::npos) << "plain before";
    {
        core::Store store(sealed());
        EXPECT_EQ(entries(store), 40u);
        EXPECT_EQ(entries(store, "store.sealed"), 1u);
        EXPECT_TRUE(core::AuditLog(store).verify().ok);
        EXPECT_EQ(store.schemaVersion(), core::Store::latestSchemaVersion());
    }
    ASSERT_EQ(notices.size(), 2u);
    EXPECT_NE(notices[1].find("encrypted the plain store"), std::string::npos) << notices[1];
    for (const auto& entry : fs::directory_iterator(data)) {
        EXPECT_EQ(bytesOf(entry.path()).find(kSerial), std::string::npos) << entry.path();
        EXPECT_EQ(entry.path().string().find(".sealing"), std::string::npos) << entry.path();
    }
    core::Store again(sealed());
    EXPECT_EQ(entries(again, "store.sealed"), 1u) << "sealed once only";
}

// A plain open (core::Store(path)) of an encrypted store is refused, even when the default key
// directory holds the right key: only a caller that names the key directory opens it.
TEST_F(SealedStoreTest, ThePathOpenRefusesAnEncryptedStoreEvenWithTheRightDefaultKey) {
    { core::Store store(sealed()); record(store, 3); }
    ::setenv("SCANSTATION_KEYS", keys.c_str(), 1); // the default key directory is the right one
    try {
        core::Store plain(data);
        FAIL() << "an encrypted store was opened without naming its key directory";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied) << e.what();
        EXPECT_NE(std::string(e.what()).find(core::Store::kFileName), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("key directory"), std::string::npos) << e.what();
    }
    ::unsetenv("SCANSTATION_KEYS");
    core::Store named(sealed());
    EXPECT_TRUE(named.isSealed());
    EXPECT_EQ(named.keyDir(), keys);
    EXPECT_EQ(entries(named), 3u);
}

TEST_F(SealedStoreTest, AMissingKeyForAnEncryptedStoreIsNotFoundAndTheKeysMustLieApart) {
    { core::Store store(sealed()); }
    fs::remove(keys / "data.key");
    try {
        core::Store store(sealed());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound) << e.what();
    }
    EXPECT_THROW(core::Store(sealed(data / "keys")), Error);
}

} // namespace
