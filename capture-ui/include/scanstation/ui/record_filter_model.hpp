#pragma once
// Search and filters over a RecordListModel: free text over every role (the audit log search)
// and exact values per role (the review queue's class, day and reason). Pure presentation:
// which records exist is the libraries' answer.
#include "record_list_model.hpp"

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class RecordFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(scanstation::ui::RecordListModel* records READ records WRITE setRecords NOTIFY recordsChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    // role name -> required value; an empty value means "any".
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit RecordFilterModel(QObject* parent = nullptr);

    RecordListModel* records() const { return m_records; }
    void setRecords(RecordListModel* records);
    QString text() const { return m_text; }
    void setText(const QString& text);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap& filters);
    int count() const { return rowCount(); }

    Q_INVOKABLE QVariantMap get(int row) const;
    // The distinct values of a role in the unfiltered records, sorted: choices for a filter.
    Q_INVOKABLE QStringList valuesOf(const QString& role) const;

signals:
    void recordsChanged();
    void textChanged();
    void filtersChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    RecordListModel* m_records = nullptr;
    QString m_text;
    QVariantMap m_filters;
};

} // namespace scanstation::ui
