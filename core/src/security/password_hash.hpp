#pragma once
// Argon2id password hashing (libsodium crypto_pwhash_str), internal to core.
#include "scanstation/core/accounts.hpp"

#include <string>

namespace scanstation::core::security {

// An Argon2id string with its own random salt and the INTERACTIVE cost (64 MiB, 2 passes):
// about 0.1 s per sign-in on a kiosk PC, far too slow for guessing offline at scale.
std::string hashPassword(const std::string& password, PasswordHashCost cost);

// Constant-time comparison inside libsodium. False for a wrong password or a malformed hash.
bool verifyPassword(const std::string& hash, const std::string& password);

// Spends the time of one verification, so that an unknown login answers as slowly as a known
// one and the answer time does not tell which logins exist.
void spendVerificationTime(const std::string& password, PasswordHashCost cost);

} // namespace scanstation::core::security
