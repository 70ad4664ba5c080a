#include "scanstation/ui/station_images.hpp"

#include "scanstation/ui/station_backend.hpp"

#include <QLoggingCategory>

#include <exception>
#include <map>
#include <mutex>
#include <shared_mutex>

namespace scanstation::ui {

namespace {

Q_LOGGING_CATEGORY(lcImages, "scanstation.kiosk.images")

// The live backends by id. Requests and URL lookups share the lock, so a URL is never held up
// by an image being decrypted; a Station's StationImages takes it alone to go, so it waits for
// the requests in flight on its backend.
struct Registry {
    std::shared_mutex mutex;
    std::map<int, StationBackend*> backends;
    int lastId = 0;
};

Registry& registry() {
    static Registry r;
    return r;
}

int idOf(const StationBackend& backend) {
    auto& r = registry();
    std::shared_lock lock(r.mutex);
    for (const auto& [id, b] : r.backends)
        if (b == &backend)
            return id;
    return 0;
}

QString part(const std::string& text) {
    return QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(text)));
}

std::string unpart(const QString& text) {
    return QUrl::fromPercentEncoding(text.toLatin1()).toStdString();
}

QImage qimageOf(const PixelImage& image) {
    if (image.empty())
        return {};
    const int bytesPerLine = image.width * (image.rgb ? 3 : 1);
    const QImage view(image.pixels.data(), image.width, image.height, bytesPerLine,
                      image.rgb ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    return view.copy(); // owns its pixels once `image` is gone
}

} // namespace

StationImageProvider::StationImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image, QQuickImageProvider::ForceAsynchronousImageLoading) {}

QImage StationImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QStringList parts = id.split(QLatin1Char('/'));
    auto& r = registry();
    std::shared_lock lock(r.mutex);
    const auto backend = r.backends.find(parts.value(0).toInt());
    if (backend == r.backends.end())
        return {};
    PixelImage pixels;
    try {
        if (parts.size() == 3 && parts[1] == QLatin1String("page"))
            pixels = backend->second->pageImage(unpart(parts[2]));
        else if (parts.size() == 4 && parts[1] == QLatin1String("crop"))
            pixels = backend->second->fieldCrop(unpart(parts[2]), unpart(parts[3]));
        else
            qCWarning(lcImages) << "unknown image" << id;
    } catch (const std::exception& e) {
        // Not signed in, a page changed on disk (the vault's integrity error): the screen shows
        // no image, the log says why.
        qCWarning(lcImages) << "image" << id << ":" << e.what();
    }
    QImage image = qimageOf(pixels);
    if (!image.isNull() && requestedSize.isValid() &&
        (requestedSize.width() < image.width() || requestedSize.height() < image.height()))
        image = image.scaled(requestedSize.width() > 0 ? requestedSize.width() : image.width(),
                             requestedSize.height() > 0 ? requestedSize.height() : image.height(),
                             Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}

StationImages::StationImages(StationBackend& backend) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    m_id = ++r.lastId;
    r.backends[m_id] = &backend;
}

StationImages::~StationImages() {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.backends.erase(m_id);
}

QUrl pageImageUrl(const StationBackend& backend, const std::string& pageId) {
    const int id = idOf(backend);
    if (!id || pageId.empty())
        return {};
    // One arg() call: a percent-encoded part must not be read as a placeholder.
    return QUrl(QStringLiteral("image://%1/%2/page/%3")
                    .arg(QLatin1String(kStationImageProvider), QString::number(id), part(pageId)));
}

QUrl fieldCropUrl(const StationBackend& backend, const std::string& serial, const std::string& fieldId) {
    const int id = idOf(backend);
    if (!id || serial.empty() || fieldId.empty())
        return {};
    return QUrl(QStringLiteral("image://%1/%2/crop/%3/%4")
                    .arg(QLatin1String(kStationImageProvider), QString::number(id), part(serial), part(fieldId)));
}

} // namespace scanstation::ui
