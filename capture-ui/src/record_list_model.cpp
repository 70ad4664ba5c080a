#include "scanstation/ui/record_list_model.hpp"

namespace scanstation::ui {

RecordListModel::RecordListModel(QObject* parent) : QAbstractListModel(parent) {}

RecordListModel::RecordListModel(const QStringList& roles, const QString& keyRole, QObject* parent)
    : QAbstractListModel(parent), m_roles(roles), m_keyRole(keyRole) {}

int RecordListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = role - Qt::UserRole;
    if (column < 0 || column >= m_roles.size())
        return role == Qt::DisplayRole && !m_roles.isEmpty()
                   ? m_rows.at(index.row()).value(m_roles.first())
                   : QVariant{};
    return m_rows.at(index.row()).value(m_roles.at(column));
}

QHash<int, QByteArray> RecordListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + i, m_roles.at(i).toUtf8());
    return names;
}

void RecordListModel::setRoles(const QStringList& roles) {
    if (roles == m_roles)
        return;
    // Role names are read once by views; changing them means a new model for the view.
    beginResetModel();
    m_roles = roles;
    endResetModel();
    emit rolesChanged();
}

void RecordListModel::setKeyRole(const QString& role) {
    if (role == m_keyRole)
        return;
    m_keyRole = role;
    emit keyRoleChanged();
}

QVariantMap RecordListModel::get(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QVariantMap{};
}

int RecordListModel::indexOfKey(const QVariant& key) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(m_keyRole) == key)
            return i;
    return -1;
}

void RecordListModel::setRows(const QVariantList& rows) {
    beginResetModel();
    m_rows.clear();
    for (const auto& row : rows)
        m_rows.append(row.toMap());
    endResetModel();
    emit countChanged();
}

void RecordListModel::append(const QVariantMap& row) {
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    emit countChanged();
}

void RecordListModel::upsert(const QVariantMap& row) {
    const int at = m_keyRole.isEmpty() ? -1 : indexOfKey(row.value(m_keyRole));
    if (at < 0) {
        append(row);
        return;
    }
    m_rows[at] = row;
    emit dataChanged(index(at), index(at));
}

void RecordListModel::clear() {
    setRows({});
}

} // namespace scanstation::ui
