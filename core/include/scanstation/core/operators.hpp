#pragma once
// The people who operate the station, each with a personal login and one role.
// Passwords and sign-in belong to the security part; this is the directory and its audit trail.
#include "scanstation/core/clock.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

enum class Role {
    Administrator, // school administrator: configuration, operators, reconciliation
    Director,      // custody of cards during outages, shredding records
    ClassTeacher,  // wychowawca
    Teacher,
    Secretariat,   // scans and keeps paper; may not edit grades or attendance
    Inspector,     // reads everything, changes nothing
};

std::string toString(Role role); // "administrator", "director", "class_teacher", ...
std::optional<Role> roleFromString(const std::string& text);

struct Operator {
    std::string login;       // unique, e.g. "jkowalska"
    std::string displayName; // e.g. "Joanna Kowalska"
    Role role = Role::Teacher;
    std::optional<std::string> teacherId; // the roster teacher this operator is, when one
    bool active = true;
    TimePoint createdAt;
};

class OperatorDirectory {
public:
    explicit OperatorDirectory(Store& store) : m_store(store) {}

    // Throws Error{Conflict} when the login exists, Error{BadInput} when it is empty or
    // contains anything but [a-z0-9._-].
    void add(const std::string& actor, const Operator& op);
    void setRole(const std::string& actor, const std::string& login, Role role);
    void setActive(const std::string& actor, const std::string& login, bool active);

    std::optional<Operator> find(const std::string& login) const;
    std::vector<Operator> list() const; // ordered by login

private:
    Store& m_store;
};

} // namespace scanstation::core
