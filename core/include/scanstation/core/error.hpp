#pragma once
// The error style of every ScanStation library (see README, "Errors"):
//  - a failed *operation* throws scanstation::Error, whose kind decides the CLI exit code;
//  - a finding about *input content* (a flagged bubble, a bad roster line, a register that
//    refused a record) is a value in the operation's result, never an exception.
#include <stdexcept>
#include <string>
#include <string_view>

namespace scanstation {

enum class ErrorKind {
    BadInput,         // a file or argument the user gave is malformed
    Conflict,         // the store's state forbids the action (locked, not eligible, duplicate)
    PermissionDenied, // the operator's role does not allow it, or sign-in failed
    NotFound,         // a named thing does not exist
    Integrity,        // a check of stored data failed (audit chain, signature)
    Infrastructure,   // disk, database, device, network
};

std::string_view toString(ErrorKind kind);

// Exit codes of the command-line tool, documented in README "Exit codes".
int exitCodeFor(ErrorKind kind);

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

} // namespace scanstation
