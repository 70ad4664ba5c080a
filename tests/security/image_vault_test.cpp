// Images encrypted at rest: readable with the station's key, unreadable without it, and every
// change to a stored file detected.
#include "scanstation/core/error.hpp"
#include "scanstation/core/image_vault.hpp"
#include "scanstation/core/key_store.hpp"
#include "temp_station.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

using namespace scanstation;
using namespace scanstation::core;
namespace fs = std::filesystem;

namespace {

Bytes sampleImage(std::size_t size) {
    // A fake PNG: signature, then a recognisable pattern with the pupil's name in it.
    Bytes bytes = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const std::string name = "Kowalska Zofia";
    while (bytes.size() < size)
        bytes.insert(bytes.end(), name.begin(), name.end());
    bytes.resize(size);
    return bytes;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void overwrite(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

ErrorKind getError(const ImageVault& vault, const std::string& id) {
    try {
        vault.get(id);
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "image " << id << " was read";
    return ErrorKind::Infrastructure;
}

class ImageVaultTest : public ::testing::Test {
protected:
    fs::path root = sectest::makeTempDir("vault");
    KeyStore keys{root / "keys"};
    fs::path vaultDir = root / "data" / "vault";
    void SetUp() override { keys.ensureKeys(); }
    void TearDown() override { fs::remove_all(root); }
};

} // namespace

TEST_F(ImageVaultTest, RoundTripsImagesOfEverySizeAndDeduplicates) {
    ImageVault vault(vaultDir, keys.dataKey());
    for (std::size_t size : {0u, 1u, 65535u, 65536u, 65537u, 300000u}) {
        const auto image = sampleImage(size);
        const auto id = ImageVault::contentId(image);
        vault.put(id, image);
        vault.put(id, image); // a re-run of the batch stores nothing new
        EXPECT_TRUE(vault.contains(id));
        EXPECT_EQ(vault.get(id), image) << "size " << size;
    }
    EXPECT_EQ(getError(vault, "no-such-image"), ErrorKind::NotFound);
}

TEST_F(ImageVaultTest, StoredFileRevealsNothingWithoutTheKey) {
    const auto image = sampleImage(200000);
    const auto id = ImageVault::contentId(image);
    ImageVault(vaultDir, keys.dataKey()).put(id, image);

    // What a thief sees: no file named by the image hash, no plaintext inside any file.
    for (const auto& entry : fs::recursive_directory_iterator(vaultDir)) {
        EXPECT_EQ(entry.path().string().find(id), std::string::npos) << entry.path();
        if (entry.is_regular_file()) {
            const auto bytes = slurp(entry.path());
            EXPECT_EQ(bytes.find("Kowalska"), std::string::npos) << entry.path();
            EXPECT_EQ(bytes.find("PNG"), std::string::npos) << entry.path();
        }
    }
    // Another station's key (or a guessed one) cannot read it.
    KeyStore otherKeys(root / "other-keys");
    otherKeys.ensureKeys();
    ImageVault thief(vaultDir, otherKeys.dataKey());
    const auto stolen = ImageVault(vaultDir, keys.dataKey()).pathFor(id);
    fs::create_directories(thief.pathFor(id).parent_path());
    fs::copy_file(stolen, thief.pathFor(id));
    EXPECT_EQ(getError(thief, id), ErrorKind::Integrity);
}

TEST_F(ImageVaultTest, ChangedTruncatedExtendedOrSwappedFilesAreRefused) {
    ImageVault vault(vaultDir, keys.dataKey());
    const auto a = sampleImage(100000), b = sampleImage(5000);
    const auto idA = ImageVault::contentId(a), idB = ImageVault::contentId(b);
    vault.put(idA, a);
    vault.put(idB, b);
    const auto original = slurp(vault.pathFor(idA));

    auto flipped = original;
    flipped[original.size() / 2] ^= 0x01;
    overwrite(vault.pathFor(idA), flipped);
    EXPECT_EQ(getError(vault, idA), ErrorKind::Integrity);

    overwrite(vault.pathFor(idA), original.substr(0, original.size() - 100));
    EXPECT_EQ(getError(vault, idA), ErrorKind::Integrity);

    overwrite(vault.pathFor(idA), original.substr(0, 8 + 24 + 65536 + 17)); // drop the final chunk
    EXPECT_EQ(getError(vault, idA), ErrorKind::Integrity);

    overwrite(vault.pathFor(idA), original + "x");
    EXPECT_EQ(getError(vault, idA), ErrorKind::Integrity);

    overwrite(vault.pathFor(idA), slurp(vault.pathFor(idB))); // a valid file under the wrong name
    EXPECT_EQ(getError(vault, idA), ErrorKind::Integrity);

    overwrite(vault.pathFor(idA), original);
    EXPECT_EQ(vault.get(idA), a);
    EXPECT_TRUE(vault.remove(idA));
    EXPECT_FALSE(vault.remove(idA));
    EXPECT_EQ(getError(vault, idA), ErrorKind::NotFound);
}

TEST_F(ImageVaultTest, KeyFilesArePrivateAndRefusedWhenOthersMayReadThem) {
    struct stat st{};
    ASSERT_EQ(::stat((keys.dir() / "data.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(keys.dir().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    const auto before = slurp(keys.dir() / "data.key");
    keys.ensureKeys(); // never replaces an existing key
    EXPECT_EQ(slurp(keys.dir() / "data.key"), before);

    ::chmod((keys.dir() / "data.key").c_str(), 0644);
    try {
        keys.dataKey();
        FAIL() << "a world-readable key was used";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied);
    }
    EXPECT_THROW(KeyStore(root / "nowhere").dataKey(), Error);
}

TEST(KeyStoreApart, KeyDirectoryInsideTheDataDirectoryIsRefused) {
    EXPECT_THROW(KeyStore::checkApart("/srv/station/data/keys", "/srv/station/data"), Error);
    EXPECT_THROW(KeyStore::checkApart("/srv/station/data", "/srv/station/data"), Error);
    EXPECT_NO_THROW(KeyStore::checkApart("/etc/scanstation/keys", "/srv/station/data"));
    EXPECT_NO_THROW(KeyStore::checkApart("/srv/station/data-keys", "/srv/station/data"));
}
