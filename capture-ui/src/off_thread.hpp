#pragma once
// Runs slow library calls (recognition, password hashing, network) on a worker pool and hands
// the result back on the receiver's thread (the UI thread). The pool's owner waits for it before
// anything the work touches is destroyed; a result for a receiver already gone is dropped by Qt.
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace scanstation::ui {

template <typename Work, typename Done>
void runOffUiThread(QThreadPool* pool, QObject* receiver, Work work, Done done) {
    pool->start([receiver, work = std::move(work), done = std::move(done)]() mutable {
        using Result = std::invoke_result_t<Work&>;
        std::optional<Result> value;
        QString error;
        try {
            value.emplace(work());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            receiver,
            [done = std::move(done), value = std::move(value), error]() mutable { done(value, error); },
            Qt::QueuedConnection);
    });
}

} // namespace scanstation::ui
