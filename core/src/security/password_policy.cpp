#include "scanstation/core/password_policy.hpp"

#include "scanstation/core/error.hpp"

#include <vector>

namespace scanstation::core {

namespace {

// Counts code points of a UTF-8 string (bytes that are not continuation bytes).
std::size_t codePoints(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

} // namespace

void checkPasswordPolicy(const std::string& password) {
    bool upper = false, lower = false, digit = false, control = false;
    for (unsigned char c : password) {
        upper = upper || (c >= 'A' && c <= 'Z');
        lower = lower || (c >= 'a' && c <= 'z');
        digit = digit || (c >= '0' && c <= '9');
        control = control || c < 0x20 || c == 0x7F;
    }
    std::vector<std::string> broken;
    if (codePoints(password) < PasswordPolicy::kMinLength)
        broken.push_back("at least " + std::to_string(PasswordPolicy::kMinLength) + " characters");
    if (password.size() > PasswordPolicy::kMaxLength)
        broken.push_back("at most " + std::to_string(PasswordPolicy::kMaxLength) + " bytes");
    if (!upper)
        broken.push_back("an upper-case letter A-Z");
    if (!lower)
        broken.push_back("a lower-case letter a-z");
    if (!digit)
        broken.push_back("a digit 0-9");
    if (control)
        broken.push_back("no control characters (newline, tab)");
    if (broken.empty())
        return;
    std::string message = "the password does not follow the school's rules; it needs ";
    for (std::size_t i = 0; i < broken.size(); ++i)
        message += (i == 0 ? "" : i + 1 == broken.size() ? " and " : ", ") + broken[i];
    throw Error(ErrorKind::BadInput, message);
}

} // namespace scanstation::core
