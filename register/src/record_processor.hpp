#pragma once
// Applies one delivered record (lesson topic, attendance, line item, result) to the register,
// with the domain rules of shared/DOMAIN.md, and answers its outcome:
//   accepted (duplicate=true for a resend), rejected with a reason, or conflict with the
//   register's current value. Runs inside the caller's write transaction.
#include "sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace scanstation::reg {

class RecordProcessor {
public:
    explicit RecordProcessor(SqliteDb& db) : m_db(db) {}

    nlohmann::json process(const nlohmann::json& record);

    // For the conflict fault: a teacher changes, online, the value a record is about to carry.
    void changeOnlineBefore(const nlohmann::json& record);

private:
    // `over`: a corrected resend's supersedes.registerValue, the value a person on the station
    // decided to replace; the record may replace exactly that value and no other.
    using DecidedOver = std::optional<std::string>;
    nlohmann::json evaluate(const std::string& recordId, const nlohmann::json& record);
    nlohmann::json topic(const std::string& recordId, const nlohmann::json& body, const DecidedOver& over);
    nlohmann::json attendance(const std::string& recordId, const nlohmann::json& body, const DecidedOver& over);
    nlohmann::json lineItem(const std::string& recordId, const nlohmann::json& body);
    nlohmann::json result(const std::string& recordId, const nlohmann::json& body, const DecidedOver& over);

    bool isStudentOf(const std::string& studentId, const std::string& classId);
    bool classExists(const std::string& classId);
    bool isLocked(const std::string& classId, const std::string& date);

    SqliteDb& m_db;
};

nlohmann::json acceptedOutcome(const std::string& recordId);
nlohmann::json rejectedOutcome(const std::string& recordId, const std::string& reason, const std::string& message);
nlohmann::json conflictOutcome(const std::string& recordId, const std::string& current, const std::string& message);

} // namespace scanstation::reg
