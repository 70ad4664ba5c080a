#include "scanstation/core/error.hpp"

namespace scanstation {

std::string_view toString(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::BadInput: return "bad input";
    case ErrorKind::Conflict: return "conflict";
    case ErrorKind::PermissionDenied: return "permission denied";
    case ErrorKind::NotFound: return "not found";
    case ErrorKind::Integrity: return "integrity check failed";
    case ErrorKind::Infrastructure: return "infrastructure failure";
    }
    return "error";
}

int exitCodeFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::BadInput: return 3;
    case ErrorKind::Conflict: return 4;
    case ErrorKind::PermissionDenied: return 5;
    case ErrorKind::NotFound: return 6;
    case ErrorKind::Integrity: return 7;
    case ErrorKind::Infrastructure: return 8;
    }
    return 1;
}

} // namespace scanstation
