#pragma once
// Sign-in, sign-out and the idle lock. Whether a secret is right, what the operator may do and
// when they last signed in are core's answers; this class only asks off the UI thread and
// locks the station after the configured idle time (never above core's ceiling).
// While the sign-in screen watches for badges, the badge sources are looked at on a worker
// (one look at a time, a new one a second after the last); a badge found signs in like a
// password, and core's refusal of a forged or revoked one is shown.
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QThreadPool;

namespace scanstation::ui {

class StationBackend;

class SessionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of a Station")
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString operatorName READ operatorName NOTIFY signedInChanged)
    Q_PROPERTY(QString role READ role NOTIFY signedInChanged)
    Q_PROPERTY(QDateTime lastSuccess READ lastSuccess NOTIFY signedInChanged)
    Q_PROPERTY(QDateTime lastFailure READ lastFailure NOTIFY signedInChanged)
    // core accepted the password but wants a new one first (one-time, or older than 30 days).
    Q_PROPERTY(bool mustChangePassword READ mustChangePassword NOTIFY mustChangePasswordChanged)
    Q_PROPERTY(QString changeReason READ changeReason NOTIFY mustChangePasswordChanged)
    // core's permission matrix row for the operator; QML bindings read it to hide what core
    // would refuse (a binding on can() would not notice a new sign-in).
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY signedInChanged)
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY idleMinutesChanged)
    Q_PROPERTY(int maxIdleMinutes READ maxIdleMinutes CONSTANT)
    Q_PROPERTY(bool watchingBadges READ watchingBadges NOTIFY watchingBadgesChanged)

public:
    SessionController(StationBackend& backend, QThreadPool& pool, QObject* parent = nullptr);

    bool signedIn() const { return m_signedIn; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QString operatorName() const { return m_operatorName; }
    QString role() const { return m_role; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    QDateTime lastFailure() const { return m_lastFailure; }
    bool mustChangePassword() const { return m_mustChangePassword; }
    QString changeReason() const { return m_changeReason; }
    QStringList permissions() const { return m_allowed; }
    int idleMinutes() const { return m_idleMinutes; }
    void setIdleMinutes(int minutes);
    int maxIdleMinutes() const;

    Q_INVOKABLE void signIn(const QString& login, const QString& secret);
    // A badge's code, as read from a page or typed by a handheld code reader.
    Q_INVOKABLE void signInWithBadge(const QString& token);
    // The sign-in screen looks at the badge sources while it is shown.
    Q_INVOKABLE void watchForBadges(bool on);
    bool watchingBadges() const { return m_watchingBadges; }
    // Completes a sign-in that needs a new password; core checks the password rules.
    Q_INVOKABLE void changePassword(const QString& newPassword, const QString& repeated);
    // Back to the sign-in form without changing the password.
    Q_INVOKABLE void cancelPasswordChange();
    Q_INVOKABLE void lockNow();
    // core's permission for the signed-in operator; the UI hides what this refuses.
    Q_INVOKABLE bool can(const QString& action) const;

signals:
    void signedInChanged();
    void busyChanged();
    void messageChanged();
    void idleMinutesChanged();
    void mustChangePasswordChanged();
    void locked(bool becauseIdle);
    void watchingBadgesChanged();
    void badgeRefused(const QString& reason);   // core's words: forged, revoked, locked...
    // The badge is right but the password must change first: a badge never sets a password.
    void badgePasswordRequired(const QString& login, const QString& reason);
    void foreignCodeSeen(const QString& what);  // a code that is not an operator badge

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setBusy(bool busy);
    void setMessage(const QString& message);
    void run(const QString& login, const QString& secret, const std::optional<QString>& newPassword);
    void applySignIn(const struct SignInOutcome& outcome);
    void setMustChange(bool must, const QString& reason);
    void lookForBadge();
    void lookAgainLater(int ms);

    StationBackend& m_backend;
    QThreadPool& m_pool;
    QTimer m_idleTimer;
    bool m_signedIn = false;
    bool m_busy = false;
    QString m_message;
    QString m_operatorName;
    QString m_role;
    QStringList m_allowed;
    QDateTime m_lastSuccess;
    QDateTime m_lastFailure;
    bool m_mustChangePassword = false;
    QString m_changeReason;
    // Kept only between core's "a new password is required" and the new password.
    QString m_pendingLogin;
    QString m_pendingSecret;
    int m_idleMinutes = 10;
    bool m_watchingBadges = false;
    bool m_looking = false; // a look at the badge sources is on a worker
    QTimer m_badgeTimer;
};

} // namespace scanstation::ui
