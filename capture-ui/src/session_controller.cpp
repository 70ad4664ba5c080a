#include "scanstation/ui/session_controller.hpp"

#include "off_thread.hpp"
#include "qt_convert.hpp"
#include "scanstation/ui/station_backend.hpp"

#include <QCoreApplication>
#include <QEvent>

namespace scanstation::ui {

namespace {
constexpr int kLookIntervalMs = 1000;      // between looks at the badge sources
constexpr int kLookAfterErrorMs = 10000;   // after a source failed (no camera): not a busy loop
} // namespace

SessionController::SessionController(StationBackend& backend, QThreadPool& pool, QObject* parent)
    : QObject(parent), m_backend(backend), m_pool(pool) {
    m_idleTimer.setSingleShot(true);
    setIdleMinutes(m_idleMinutes);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_signedIn)
            return;
        lockNow();
        emit locked(true);
    });
    m_badgeTimer.setSingleShot(true);
    connect(&m_badgeTimer, &QTimer::timeout, this, &SessionController::lookForBadge);
}

int SessionController::maxIdleMinutes() const {
    return m_backend.maxIdleMinutes();
}

void SessionController::setIdleMinutes(int minutes) {
    // The school's ceiling comes from core; the kiosk only keeps the setting within it.
    const int bounded = std::clamp(minutes, 1, maxIdleMinutes());
    m_idleTimer.setInterval(std::chrono::minutes(bounded));
    if (bounded == m_idleMinutes)
        return;
    m_idleMinutes = bounded;
    emit idleMinutesChanged();
}

void SessionController::signIn(const QString& login, const QString& secret) {
    run(login, secret, std::nullopt);
}

void SessionController::watchForBadges(bool on) {
    if (on == m_watchingBadges)
        return;
    m_watchingBadges = on;
    emit watchingBadgesChanged();
    if (on) {
        lookForBadge();
    } else {
        m_badgeTimer.stop();
        m_backend.cancelBadgeLook(); // a camera waiting for a still view gives up now
    }
}

void SessionController::lookForBadge() {
    if (!m_watchingBadges || m_signedIn || m_looking)
        return;
    if (m_busy) { // a sign-in is being checked: look once it is done
        lookAgainLater(kLookIntervalMs);
        return;
    }
    m_looking = true;
    runOffUiThread(
        &m_pool, this, [&backend = m_backend] { return backend.lookForBadge(); },
        [this](const std::optional<BadgeSighting>& seen, const QString&) {
            m_looking = false;
            if (seen && seen->token && m_watchingBadges && !m_signedIn) {
                signInWithBadge(qs(*seen->token));
                return;
            }
            if (seen && !seen->finding.empty())
                emit foreignCodeSeen(qs(seen->finding));
            // A source that fails (a camera unplugged) is tried again, calmly.
            lookAgainLater(seen ? kLookIntervalMs : kLookAfterErrorMs);
        });
}

void SessionController::lookAgainLater(int ms) {
    if (m_watchingBadges && !m_signedIn)
        m_badgeTimer.start(ms);
}

void SessionController::signInWithBadge(const QString& token) {
    if (m_busy)
        return;
    setBusy(true);
    setMessage({});
    runOffUiThread(
        &m_pool, this, [&backend = m_backend, token = token.toStdString()] { return backend.signInByBadge(token); },
        [this](const std::optional<SignInOutcome>& outcome, const QString& error) {
            setBusy(false);
            if (outcome && outcome->mustChangePassword) {
                emit badgePasswordRequired(qs(outcome->login), qs(outcome->changeReason));
                lookAgainLater(kLookIntervalMs);
                return;
            }
            if (!outcome || !outcome->ok) {
                emit badgeRefused(outcome ? qs(outcome->message) : error);
                lookAgainLater(kLookIntervalMs);
                return;
            }
            applySignIn(*outcome);
        });
}

void SessionController::changePassword(const QString& newPassword, const QString& repeated) {
    if (!m_mustChangePassword)
        return;
    if (newPassword != repeated) {
        setMessage(tr("The two new passwords differ."));
        return;
    }
    run(m_pendingLogin, m_pendingSecret, newPassword);
}

void SessionController::cancelPasswordChange() {
    m_pendingLogin.clear();
    m_pendingSecret.clear();
    setMustChange(false, {});
    setMessage({});
}

void SessionController::run(const QString& login, const QString& secret, const std::optional<QString>& newPassword) {
    if (m_busy)
        return;
    setBusy(true);
    setMessage({});
    std::optional<std::string> fresh;
    if (newPassword)
        fresh = newPassword->toStdString();
    runOffUiThread(
        &m_pool, this,
        [&backend = m_backend, login = login.toStdString(), secret = secret.toStdString(), fresh] {
            return backend.signIn(login, secret, fresh);
        },
        [this, login, secret](const std::optional<SignInOutcome>& outcome, const QString& error) {
            setBusy(false);
            if (outcome && outcome->mustChangePassword) {
                m_pendingLogin = login;
                m_pendingSecret = secret;
                setMustChange(true, qs(outcome->changeReason));
                return;
            }
            if (!outcome || !outcome->ok) {
                setMessage(outcome ? qs(outcome->message) : error);
                return;
            }
            applySignIn(*outcome);
        });
}

void SessionController::applySignIn(const SignInOutcome& outcome) {
    m_pendingLogin.clear();
    m_pendingSecret.clear();
    setMustChange(false, {});
    m_operatorName = qs(outcome.operatorName);
    m_role = qs(outcome.role);
    m_allowed = toStringList(outcome.allowedActions);
    m_lastSuccess = toDateTime(outcome.lastSuccess);
    m_lastFailure = toDateTime(outcome.lastFailure);
    m_signedIn = true;
    m_badgeTimer.stop();
    QCoreApplication::instance()->installEventFilter(this);
    m_idleTimer.start();
    emit signedInChanged();
}

void SessionController::setMustChange(bool must, const QString& reason) {
    if (must == m_mustChangePassword && reason == m_changeReason)
        return;
    m_mustChangePassword = must;
    m_changeReason = reason;
    emit mustChangePasswordChanged();
}

void SessionController::lockNow() {
    if (!m_signedIn)
        return;
    QCoreApplication::instance()->removeEventFilter(this);
    m_idleTimer.stop();
    try {
        m_backend.signOut();
    } catch (const std::exception& e) {
        setMessage(QString::fromStdString(e.what()));
    }
    m_signedIn = false;
    m_operatorName.clear();
    m_role.clear();
    m_allowed.clear();
    emit signedInChanged();
    emit locked(false);
}

bool SessionController::can(const QString& action) const {
    return m_signedIn && m_allowed.contains(action);
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        m_idleTimer.start(); // any input counts as activity
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void SessionController::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void SessionController::setMessage(const QString& message) {
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace scanstation::ui
