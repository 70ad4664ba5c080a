// core's one percent-encoding (core/src/percent_encoding.hpp), used by the card identity payload
// and by the sealed store's SQLite URIs.
#include "percent_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

using scanstation::core::percentDecode;
using scanstation::core::percentEncode;

TEST(PercentEncoding, EscapesPercentNonPrintableBytesAndTheCallersSeparators) {
    EXPECT_EQ(percentEncode("Szkoła 5|b", "|"), "Szko%C5%82a%205%7Cb");
    EXPECT_EQ(percentEncode("/tmp/a?b#c'd%", "?#'"), "/tmp/a%3Fb%23c%27d%25");
    EXPECT_EQ(percentEncode("a|b", ""), "a|b"); // only the separators the caller names
    EXPECT_EQ(percentEncode(std::string("\x00\x7F~!", 4), ""), "%00%7F~!");
}

TEST(PercentEncoding, DecodesWhatItEncodes) {
    const std::string all = [] {
        std::string bytes;
        for (int c = 0; c < 256; ++c)
            bytes += static_cast<char>(c);
        return bytes;
    }();
    EXPECT_EQ(percentDecode(percentEncode(all, "|?#'")), all);
}

TEST(PercentEncoding, RefusesBrokenOrLowerCaseEscapes) {
    EXPECT_FALSE(percentDecode("abc%4"));
    EXPECT_FALSE(percentDecode("%"));
    EXPECT_FALSE(percentDecode("%7c")); // one spelling per payload: upper-case hex only
    EXPECT_FALSE(percentDecode("%G1"));
    EXPECT_EQ(percentDecode("%7C%25"), "|%");
}
