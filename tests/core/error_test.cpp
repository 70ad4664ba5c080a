#include "scanstation/core/error.hpp"

#include <gtest/gtest.h>
#include <set>

using scanstation::ErrorKind;

TEST(ErrorKinds, EachKindHasItsOwnExitCode) {
    std::set<int> codes;
    for (auto kind : {ErrorKind::BadInput, ErrorKind::Conflict, ErrorKind::PermissionDenied,
                      ErrorKind::NotFound, ErrorKind::Integrity, ErrorKind::Infrastructure}) {
        const int code = scanstation::exitCodeFor(kind);
        EXPECT_GT(code, 2) << scanstation::toString(kind);
        EXPECT_TRUE(codes.insert(code).second) << "duplicate exit code " << code;
    }
}
