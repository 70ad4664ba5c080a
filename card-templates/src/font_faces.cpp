#include "font_faces.hpp"

#include "scanstation/core/error.hpp"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <mutex>
#include <string>

namespace scanstation::templates::detail {
namespace {

struct Faces {
    cairo_font_face_t* regular = nullptr;
    cairo_font_face_t* bold = nullptr;
};

// The file fontconfig has for exactly "DejaVu Sans" in this style; no substitutes.
std::string findFontFile(const char* style) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("DejaVu Sans"));
    FcPatternAddString(pattern, FC_STYLE, reinterpret_cast<const FcChar8*>(style));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    std::string file;
    FcChar8* family = nullptr;
    FcChar8* path = nullptr;
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
        std::string(reinterpret_cast<char*>(family)) == "DejaVu Sans" &&
        FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch)
        file = reinterpret_cast<char*>(path);
    if (match)
        FcPatternDestroy(match);
    if (file.empty())
        throw Error(ErrorKind::Infrastructure,
                    std::string("font DejaVu Sans ") + style + " not found (install fonts-dejavu-core)");
    return file;
}

cairo_font_face_t* loadFace(FT_Library library, const char* style) {
    const std::string file = findFontFile(style);
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face) != 0)
        throw Error(ErrorKind::Infrastructure, file + ": FreeType cannot load the font");
    // The face lives as long as the process: cairo faces are shared by every render.
    return cairo_ft_font_face_create_for_ft_face(face, 0);
}

Faces loadFaces() {
    if (!FcInit())
        throw Error(ErrorKind::Infrastructure, "fontconfig failed to initialise");
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0)
        throw Error(ErrorKind::Infrastructure, "FreeType failed to initialise");
    return {loadFace(library, "Book"), loadFace(library, "Bold")};
}

} // namespace

cairo_font_face_t* dejaVuSans(bool bold) {
    static std::mutex mutex;
    static Faces faces;
    std::lock_guard lock(mutex);
    if (!faces.regular)
        faces = loadFaces();
    return bold ? faces.bold : faces.regular;
}

} // namespace scanstation::templates::detail
