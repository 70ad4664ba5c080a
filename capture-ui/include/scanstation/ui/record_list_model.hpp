#pragma once
// A list of records for QML: each row is a map of named values, each name a role. Every list
// screen (review queue, roster, audit log, custody, outbox, scanned pages) shows one of these;
// the rows come from library calls, converted once in the controllers.
#include <QAbstractListModel>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace scanstation::ui {

class RecordListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList roles READ roles WRITE setRoles NOTIFY rolesChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The role whose value identifies a row, for updateRow().
    Q_PROPERTY(QString keyRole READ keyRole WRITE setKeyRole NOTIFY keyRoleChanged)

public:
    explicit RecordListModel(QObject* parent = nullptr);
    RecordListModel(const QStringList& roles, const QString& keyRole, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList roles() const { return m_roles; }
    void setRoles(const QStringList& roles);
    QString keyRole() const { return m_keyRole; }
    void setKeyRole(const QString& role);

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE int indexOfKey(const QVariant& key) const;
    Q_INVOKABLE void setRows(const QVariantList& rows);
    Q_INVOKABLE void append(const QVariantMap& row);
    // Replaces the row with the same key, or appends it.
    Q_INVOKABLE void upsert(const QVariantMap& row);
    Q_INVOKABLE void clear();

signals:
    void rolesChanged();
    void countChanged();
    void keyRoleChanged();

private:
    QStringList m_roles;
    QString m_keyRole;
    QList<QVariantMap> m_rows;
};

} // namespace scanstation::ui
