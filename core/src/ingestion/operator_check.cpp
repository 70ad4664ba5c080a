#include "ingestion/operator_check.hpp"

#include "scanstation/core/error.hpp"

namespace scanstation::core {

Operator operatorFor(Store& store, const std::string& actor) {
    const auto op = OperatorDirectory(store).find(actor);
    if (!op)
        throw Error(ErrorKind::PermissionDenied, "'" + actor + "' is not an operator of this station");
    if (!op->active)
        throw Error(ErrorKind::PermissionDenied, "operator '" + actor + "' is deactivated");
    return *op;
}

bool ownsLesson(const Operator& op, const std::optional<LessonSlot>& slot) {
    return slot && op.teacherId && *op.teacherId == slot->teacherId;
}

Operator requirePermission(Store& store, const std::string& actor, Action action, bool own, const std::string& what) {
    const auto op = operatorFor(store, actor);
    try {
        require(op.role, action, own);
    } catch (const Error& e) {
        throw Error(e.kind(), std::string(e.what()) + (what.empty() ? "" : " (" + what + ")"));
    }
    return op;
}

} // namespace scanstation::core
