// The JSON Lines record of `scanstation recognize` (format in scanner/README.md). Written by
// hand: the scanner links no JSON library, and the record is flat and small.
#include "scanstation/scanner/recognizer.hpp"

#include <cstdio>

namespace scanstation::scanner {
namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (const unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string number(double v, int decimals = 3) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string cardJson(const IdentityReading& c) {
    std::string s = "{\"serial\":" + quote(c.serial) + ",\"template\":" + quote(c.templateId) +
                    ",\"template_version\":" + std::to_string(c.templateVersion) +
                    ",\"signature_valid\":" + (c.signatureValid ? "true" : "false") +
                    ",\"symbology\":" + quote(c.symbology);
    for (const auto& [key, value] : c.fields)
        s += "," + quote(key) + ":" + quote(value);
    if (!c.problem.empty())
        s += ",\"problem\":" + quote(c.problem);
    return s + "}";
}

std::string valueJson(const FieldReading& f) {
    const bool asArray = f.multiple || f.values.size() > 1;
    if (!asArray)
        return f.values.empty() ? "null" : quote(f.values.front());
    std::string s = "[";
    for (std::size_t i = 0; i < f.values.size(); ++i)
        s += (i ? "," : "") + quote(f.values[i]);
    return s + "]";
}

std::string bubblesJson(const FieldReading& f) {
    std::string s = "[";
    for (std::size_t i = 0; i < f.bubbles.size(); ++i) {
        const auto& b = f.bubbles[i];
        s += std::string(i ? "," : "") + "{\"value\":" + quote(b.value) + ",\"state\":" + quote(toString(b.state)) +
             ",\"fill\":" + number(b.fill) + ",\"coverage\":" + number(b.coverage) + ",\"peak\":" + number(b.peak) +
             ",\"outer_arc\":" + number(b.outerArc) + ",\"outer_fill\":" + number(b.outerFill) +
             ",\"gap_ink\":" + number(b.gapInkAfter) + "}";
    }
    return s + "]";
}

std::string fieldsJson(const PageRecognition& r, bool raw) {
    std::string s = "{";
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        const auto& f = r.fields[i];
        s += (i ? "," : "") + quote(f.fieldId) + ":{\"value\":" + valueJson(f) +
             ",\"flagged\":" + (f.flagged ? "true" : "false");
        if (f.flagged)
            s += ",\"reason\":" + quote(toString(*f.reason));
        s += ",\"confidence\":" + number(f.confidence);
        if (raw)
            s += ",\"bubbles\":" + bubblesJson(f);
        s += "}";
    }
    return s + "}";
}

std::string issuesJson(const PageRecognition& r) {
    std::string s = "[";
    for (std::size_t i = 0; i < r.issues.size(); ++i) {
        const auto& is = r.issues[i];
        s += std::string(i ? "," : "") + "{\"code\":" + quote(is.code);
        if (!is.field.empty())
            s += ",\"field\":" + quote(is.field);
        s += ",\"message\":" + quote(is.message) + "}";
    }
    return s + "]";
}

std::string timingJson(const StepTimings& t) {
    return "{\"prepare\":" + number(t.prepare) + ",\"marks\":" + number(t.marks) + ",\"transform\":" +
           number(t.transform) + ",\"identity\":" + number(t.identity) + ",\"bubbles\":" + number(t.bubbles) +
           ",\"decide\":" + number(t.decide) + ",\"total\":" + number(t.total) + "}";
}

} // namespace

std::string toJsonLine(const PageRecognition& r, const std::string& source, int page, bool includeBubbles) {
    std::string s = "{\"source\":" + quote(source) + ",\"page\":" + std::to_string(page) +
                     ",\"status\":" + quote(toString(r.status)) +
                     ",\"card\":" + (r.card ? cardJson(*r.card) : "null") + ",\"fields\":" + fieldsJson(r, includeBubbles) +
                     ",\"issues\":" + issuesJson(r) + ",\"rotation\":" + std::to_string(r.rotationDegrees) +
                     ",\"residual_mm\":" + (r.transformResidualMm < 0 ? "null" : number(r.transformResidualMm)) +
                     ",\"timing_ms\":" + timingJson(r.timing) + "}";
    return s;
}

} // namespace scanstation::scanner
