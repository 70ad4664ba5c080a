#pragma once
// The recognition engine: one page image in, one PageRecognition out. No store, no UI, no
// threads of its own; recognize() is const and re-entrant, so several threads may share one
// Recognizer. A bad card is a result (status + issues), never an exception.
#include "scanstation/core/card_template.hpp"
#include "scanstation/scanner/image.hpp"
#include "scanstation/scanner/recognition_result.hpp"
#include "scanstation/scanner/recognition_steps.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scanstation::scanner {

// Parses an identity code's text and verifies its MAC (core's card identity API, bound to the
// station's key by the composition root). Must be safe to call from several threads.
using IdentityVerifier = std::function<IdentityReading(const std::string& payload)>;

struct RecognizerConfig {
    std::vector<core::CardTemplate> templates; // every template a card may be printed from
    IdentityVerifier verifyIdentity;
    MarkThresholds thresholds;
};

class Recognizer {
public:
    // Prepares per-template sampling masks (renders each blank template once). Throws
    // Error{BadInput} for no templates, no verifier, or a template without four corner marks.
    explicit Recognizer(RecognizerConfig config);
    ~Recognizer();
    Recognizer(Recognizer&&) noexcept;
    Recognizer& operator=(Recognizer&&) noexcept;

    PageRecognition recognize(const ImageView& image) const;

    const std::vector<core::CardTemplate>& templates() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// One JSON object (no newline) as `scanstation recognize` writes it; see scanner/README.md.
// With includeBubbles, every field also carries its raw per-bubble measurements ("bubbles").
std::string toJsonLine(const PageRecognition& result, const std::string& source, int page,
                       bool includeBubbles = false);

} // namespace scanstation::scanner
