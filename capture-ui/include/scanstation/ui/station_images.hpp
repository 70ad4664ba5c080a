#pragma once
// Stored pages on screen without a decrypted file: the originals are sealed in the vault, so
// QML asks this image provider, which decrypts in memory through the station's backend
// (StationBackend::pageImage, fieldCrop). Add it once to every engine that shows a Station:
//
//   engine.addImageProvider(scanstation::ui::kStationImageProvider, new StationImageProvider);
//
// URLs name the station (several live stations may share one engine, as in the Qt Quick tests):
//   image://scanstation/<station>/page/<page id>
//   image://scanstation/<station>/crop/<card serial>/<field id>   (the field's whole row)
#include <QQuickImageProvider>
#include <QString>
#include <QUrl>

#include <string>

namespace scanstation::ui {

class StationBackend;

inline constexpr const char* kStationImageProvider = "scanstation";

class StationImageProvider : public QQuickImageProvider {
public:
    StationImageProvider();
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

// A Station makes its backend's images reachable for its lifetime (StationImages is an RAII
// registration); the URLs of an unregistered backend are empty.
class StationImages {
public:
    explicit StationImages(StationBackend& backend);
    ~StationImages();
    StationImages(const StationImages&) = delete;
    StationImages& operator=(const StationImages&) = delete;

private:
    int m_id = 0;
};

QUrl pageImageUrl(const StationBackend& backend, const std::string& pageId);
QUrl fieldCropUrl(const StationBackend& backend, const std::string& serial, const std::string& fieldId);

} // namespace scanstation::ui
