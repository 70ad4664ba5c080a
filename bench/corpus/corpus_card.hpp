#pragma once
// A synthetic filled card with its known truth, for the accuracy benchmark and the corpus test.
// Cards are drawn by the project's own renderer (card-templates), then filled with pen and
// pencil marks of realistic variety, then degraded like a document scanner or a phone camera.
#include "scanstation/core/card_template.hpp"
#include "scanstation/core/station_key.hpp"

#include <opencv2/core.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace scanstation::bench {

enum class CorpusClass { Scanner, Photo };
const char* toString(CorpusClass c);

// How one intended mark was drawn (truth "marked"), or what was drawn that is not a mark.
enum class MarkStyle { Full, Tick, Cross, Partial, Pencil, Spill };
const char* toString(MarkStyle s);

struct FieldTruth {
    std::vector<std::string> values; // what the teacher meant (template order); empty = nothing
    std::vector<MarkStyle> styles;   // how each meant value was drawn
    bool cancelled = false;          // a circled, cancelled mark is also on the field
    bool distractor = false;         // a stray dot, line or erasure residue touches the field
};

struct CorpusPage {
    cv::Mat image;        // CV_8UC1 (or CV_8UC3 for colour photos)
    double dpi = 0;       // 0 for photos
    bool blank = false;   // a blank duplex back: expect status "blank"
    std::string templateId;
    std::string serial;
    std::map<std::string, FieldTruth> truth; // by field id
    std::string degradation; // what was done, for reports
};

struct CorpusOptions {
    std::uint64_t seed = 1;
    CorpusClass kind = CorpusClass::Scanner;
    std::vector<double> scannerDpis = {150, 200, 300, 400};
    double blankShare = 0.03;
    bool allowOneBit = true;
};

class CorpusGenerator {
public:
    CorpusGenerator(std::vector<core::CardTemplate> templates, core::StationKey key, std::string school,
                    CorpusOptions options);
    CorpusPage next();

private:
    CorpusPage makeCard();
    CorpusPage makeBlank();

    std::vector<core::CardTemplate> m_templates;
    core::StationKey m_key;
    std::string m_school;
    CorpusOptions m_options;
    std::mt19937_64 m_rng;
    int m_serial = 0;
};

// The key and school every generated card is signed for.
core::StationKey corpusKey();
inline const char* kCorpusSchool = "sch-corpus-1";

} // namespace scanstation::bench
