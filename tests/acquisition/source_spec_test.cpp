// parseSourceSpec / openPageSource: the text forms of `scan --source SPEC`.
#include "fixtures.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/source_spec.hpp"

#include <gtest/gtest.h>

using namespace scanstation::scanner;
using Kind = SourceSpec::Kind;

TEST(SourceSpec, ParsesEveryForm) {
    const auto sane = parseSourceSpec("sane:fujitsu:fi-7160:12345");
    EXPECT_EQ(sane.kind, Kind::Sane);
    EXPECT_EQ(sane.target, "fujitsu:fi-7160:12345"); // device names contain colons
    EXPECT_EQ(parseSourceSpec("sane").target, "");
    EXPECT_EQ(parseSourceSpec("camera").target, "0");
    EXPECT_EQ(parseSourceSpec("camera:/dev/video2").target, "/dev/video2");
    EXPECT_EQ(parseSourceSpec("video:/tmp/desk.avi").kind, Kind::Video);
    EXPECT_EQ(parseSourceSpec("file:/tmp/x.pdf").kind, Kind::File);
    EXPECT_EQ(toString(parseSourceSpec("folder:/srv/in")), "folder:/srv/in");
}

TEST(SourceSpec, RejectsUnknownFormsNamingTheAcceptedOnes) {
    for (const char* bad : {"ftp:host/x", "file:", "nothing-here-at-all"}) {
        try {
            parseSourceSpec(bad);
            FAIL() << bad;
        } catch (const scanstation::Error& e) {
            EXPECT_EQ(e.kind(), scanstation::ErrorKind::BadInput);
            EXPECT_NE(std::string(e.what()).find("sane:DEVICE"), std::string::npos) << e.what();
        }
    }
}

TEST(SourceSpec, APlainPathOpensAsFolderSource) {
    acq_test::TempDir dir;
    acq_test::writeMultiPageTiff(dir / "a.tif", {acq_test::cardImage(100, 140, 1)}, 150);
    const auto spec = parseSourceSpec(dir.path().string());
    EXPECT_EQ(spec.kind, Kind::Folder);
    auto source = openPageSource(spec);
    const SourceEvent e = source->next();
    ASSERT_EQ(e.kind, SourceEvent::Kind::Page) << e.message;
    EXPECT_DOUBLE_EQ(e.page.image.dpi(), 150.0);
    EXPECT_EQ(source->next().kind, SourceEvent::Kind::End);
}
