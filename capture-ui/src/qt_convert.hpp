#pragma once
// Library values to Qt values, once, at the edge of the UI.
#include "scanstation/core/clock.hpp"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace scanstation::ui {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

inline QDateTime toDateTime(core::TimePoint t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count());
}

inline QDateTime toDateTime(const std::optional<core::TimePoint>& t) {
    return t ? toDateTime(*t) : QDateTime{};
}

inline QStringList toStringList(const std::vector<std::string>& values) {
    QStringList list;
    for (const auto& v : values)
        list.append(qs(v));
    return list;
}

} // namespace scanstation::ui
