#include "security/password_hash.hpp"

#include "scanstation/core/error.hpp"

#include <sodium.h>

namespace scanstation::core::security {

std::string hashPassword(const std::string& password, PasswordHashCost cost) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    char out[crypto_pwhash_STRBYTES];
    const bool interactive = cost == PasswordHashCost::Interactive;
    const auto ops = interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
    const auto mem = interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
    if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0)
        throw Error(ErrorKind::Infrastructure, "Argon2id hashing ran out of memory (needs 64 MiB)");
    return out;
}

bool verifyPassword(const std::string& hash, const std::string& password) {
    if (sodium_init() < 0)
        throw Error(ErrorKind::Infrastructure, "libsodium failed to initialise");
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void spendVerificationTime(const std::string& password, PasswordHashCost cost) {
    if (cost == PasswordHashCost::Minimal) {
        static const std::string minimal = hashPassword("Dummy-password-1", PasswordHashCost::Minimal);
        (void)verifyPassword(minimal, password);
        return;
    }
    static const std::string interactive = hashPassword("Dummy-password-1", PasswordHashCost::Interactive);
    (void)verifyPassword(interactive, password);
}

} // namespace scanstation::core::security
