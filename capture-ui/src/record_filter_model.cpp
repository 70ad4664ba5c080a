#include "scanstation/ui/record_filter_model.hpp"

#include <QSet>

namespace scanstation::ui {

RecordFilterModel::RecordFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &RecordFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &RecordFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &RecordFilterModel::countChanged);
}

void RecordFilterModel::setRecords(RecordListModel* records) {
    if (records == m_records)
        return;
    m_records = records;
    setSourceModel(records);
    emit recordsChanged();
    emit countChanged();
}

void RecordFilterModel::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    refilter();
    emit textChanged();
}

void RecordFilterModel::setFilters(const QVariantMap& filters) {
    if (filters == m_filters)
        return;
    m_filters = filters;
    refilter();
    emit filtersChanged();
}

void RecordFilterModel::refilter() {
    invalidateFilter();
    emit countChanged();
}

QVariantMap RecordFilterModel::get(int row) const {
    if (!m_records || row < 0 || row >= rowCount())
        return {};
    return m_records->get(mapToSource(index(row, 0)).row());
}

QStringList RecordFilterModel::valuesOf(const QString& role) const {
    QStringList values;
    if (!m_records)
        return values;
    QSet<QString> seen;
    for (int row = 0; row < m_records->rowCount(); ++row) {
        const QString value = m_records->get(row).value(role).toString();
        if (!value.isEmpty() && !seen.contains(value)) {
            seen.insert(value);
            values.append(value);
        }
    }
    values.sort();
    return values;
}

bool RecordFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!m_records)
        return true;
    const QVariantMap row = m_records->get(sourceRow);
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it) {
        const QString wanted = it.value().toString();
        if (!wanted.isEmpty() && row.value(it.key()).toString() != wanted)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (const auto& value : row)
        if (value.toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace scanstation::ui
