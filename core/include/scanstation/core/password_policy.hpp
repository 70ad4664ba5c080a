#pragma once
// The password rules of DOMAIN.md (000 ch. II §5-14): at least 8 characters mixing upper case,
// lower case and digits; changed every 30 days; the first password is one-time; 10 wrong
// attempts lock the account for at most 24 hours.
#include <chrono>
#include <string>

namespace scanstation::core {

struct PasswordPolicy {
    static constexpr std::size_t kMinLength = 8;
    static constexpr std::size_t kMaxLength = 256; // bounds the work one sign-in can cause
    static constexpr std::chrono::hours kMaxAge{24 * 30};
    static constexpr int kMaxFailedAttempts = 10;
    static constexpr std::chrono::hours kLockDuration{24};
    static constexpr std::chrono::minutes kIdleSignOut{45};
};

// Throws Error{BadInput} naming every rule the password breaks (never echoing the password).
// Length counts UTF-8 code points; upper and lower case are judged on ASCII letters only (no
// Unicode tables in core), so "Zażółć1gęślą" passes but "ŻÓŁĆ1żółć" needs an ASCII pair.
// Control characters (newline, tab, NUL) are refused.
void checkPasswordPolicy(const std::string& password);

} // namespace scanstation::core
