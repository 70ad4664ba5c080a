#include "scanstation/core/operators.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <array>
#include <utility>

namespace scanstation::core {

namespace {

constexpr std::array<std::pair<Role, const char*>, 6> kRoles{{
    {Role::Administrator, "administrator"},
    {Role::Director, "director"},
    {Role::ClassTeacher, "class_teacher"},
    {Role::Teacher, "teacher"},
    {Role::Secretariat, "secretariat"},
    {Role::Inspector, "inspector"},
}};

void checkLogin(const std::string& login) {
    if (login.empty() || login.size() > 64)
        throw Error(ErrorKind::BadInput, "operator login must have 1 to 64 characters");
    for (char c : login)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            throw Error(ErrorKind::BadInput, "operator login '" + login + "' may contain only a-z, 0-9, '.', '_' and '-'");
}

Operator readOperator(const sql::Statement& st) {
    Operator op;
    op.login = st.getText(0);
    op.displayName = st.getText(1);
    op.role = roleFromString(st.getText(2)).value_or(Role::Inspector);
    op.teacherId = st.getOptionalText(3);
    op.active = st.getInt(4) != 0;
    op.createdAt = fromUnixMs(st.getInt(5));
    return op;
}

constexpr const char* kSelect = "SELECT login, display_name, role, teacher_id, active, created_at_ms FROM operators";

} // namespace

std::string toString(Role role) {
    for (const auto& [r, name] : kRoles)
        if (r == role)
            return name;
    return "unknown";
}

std::optional<Role> roleFromString(const std::string& text) {
    for (const auto& [r, name] : kRoles)
        if (text == name)
            return r;
    return std::nullopt;
}

void OperatorDirectory::add(const std::string& actor, const Operator& op) {
    checkLogin(op.login);
    Transaction tx(m_store);
    if (find(op.login))
        throw Error(ErrorKind::Conflict, "operator '" + op.login + "' already exists");
    m_store.database()
        .prepare("INSERT INTO operators (login, display_name, role, teacher_id, active, created_at_ms) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, op.login)
        .bind(2, op.displayName)
        .bind(3, toString(op.role))
        .bind(4, op.teacherId)
        .bind(5, op.active ? 1 : 0)
        .bind(6, toUnixMs(m_store.clock().now()))
        .run();
    AuditLog(m_store).append(actor, "operator.add", "operator:" + op.login,
                             "role " + toString(op.role) + ", name " + op.displayName);
    tx.commit();
}

void OperatorDirectory::setRole(const std::string& actor, const std::string& login, Role role) {
    Transaction tx(m_store);
    const auto old = find(login);
    if (!old)
        throw Error(ErrorKind::NotFound, "no operator '" + login + "'");
    if (old->role == role)
        return;
    m_store.database().prepare("UPDATE operators SET role = ? WHERE login = ?").bind(1, toString(role)).bind(2, login).run();
    AuditLog(m_store).append(actor, "operator.role", "operator:" + login,
                             "role " + toString(old->role) + " -> " + toString(role));
    tx.commit();
}

void OperatorDirectory::setActive(const std::string& actor, const std::string& login, bool active) {
    Transaction tx(m_store);
    const auto old = find(login);
    if (!old)
        throw Error(ErrorKind::NotFound, "no operator '" + login + "'");
    if (old->active == active)
        return;
    m_store.database().prepare("UPDATE operators SET active = ? WHERE login = ?").bind(1, active ? 1 : 0).bind(2, login).run();
    AuditLog(m_store).append(actor, active ? "operator.activate" : "operator.deactivate", "operator:" + login, "");
    tx.commit();
}

std::optional<Operator> OperatorDirectory::find(const std::string& login) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE login = ?");
    st.bind(1, login);
    if (!st.step())
        return std::nullopt;
    return readOperator(st);
}

std::vector<Operator> OperatorDirectory::list() const {
    auto st = m_store.database().prepare(std::string(kSelect) + " ORDER BY login");
    std::vector<Operator> out;
    while (st.step())
        out.push_back(readOperator(st));
    return out;
}

} // namespace scanstation::core
