#pragma once
// Crops of a card's fields for review screens (`scanstation review show --crops`, the kiosk):
// cut from the page as scanned, straightened through the transform recognition finds on it
// (registration marks -> homography), so a person sees exactly the ink recognition measured.
// A field of a pupil row is shown with its whole row: register number, name and every bubble.
#include "scanstation/core/card_template.hpp"
#include "scanstation/scanner/image.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::scanner {

class PageImageStore;

struct FieldCrop {
    std::string fieldId;
    std::string label;     // the field's label from the template
    core::RectMm regionMm; // what the crop shows, card mm from the card's top-left corner
    Image image;           // grey, straightened, pxPerMm pixels per mm
};

struct CropOptions {
    double pxPerMm = 8;     // ~200 dpi
    double marginMm = 1.5;  // paper kept around the field or row
};

struct PageCrops {
    std::vector<FieldCrop> crops; // in the order of the field ids asked for (unknown ids skipped)
    std::string problem;          // why nothing could be cut (no marks, no transform); empty when fine
};

// Finds the card's transform on `page` and cuts each field. Fields of the same row give one
// crop (the row's), named by the first of them.
PageCrops cropFields(const ImageView& page, const core::CardTemplate& tpl, const std::vector<std::string>& fieldIds,
                     const CropOptions& options = {});

// The same from a recorded page's stored original (decrypted from the vault).
// Error{NotFound} for an unknown page.
PageCrops cropStoredPage(const PageImageStore& images, const std::string& pageHash, const core::CardTemplate& tpl,
                         const std::vector<std::string>& fieldIds, const CropOptions& options = {});

// Writes each crop as `<prefix><field id>.png` into `dir` (created when missing); returns the
// files in crop order.
std::vector<std::filesystem::path> writeCrops(const std::vector<FieldCrop>& crops, const std::filesystem::path& dir,
                                              const std::string& prefix);

} // namespace scanstation::scanner
