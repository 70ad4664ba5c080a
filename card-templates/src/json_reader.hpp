#pragma once
// A checked view of a parsed JSON value that knows its JSON Pointer path, so every complaint
// names the file, the path and what is wrong. Internal to card-templates.
#include "scanstation/core/card_template.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace scanstation::templates::detail {

class JsonNode {
public:
    JsonNode(const nlohmann::json& value, std::string path, const std::string& source)
        : m_value(value), m_path(std::move(path)), m_source(source) {}

    const nlohmann::json& value() const { return m_value; }
    const std::string& path() const { return m_path; }

    bool has(const char* key) const;
    JsonNode member(const char* key) const; // required; the node must be an object
    std::optional<JsonNode> optionalMember(const char* key) const;
    std::vector<JsonNode> elements() const; // the node must be an array
    std::vector<JsonNode> elements(const char* key) const { return member(key).elements(); }

    std::string asString() const;
    double asNumber(double min, double max) const; // mm or pt; bounds inclusive
    int asInt(int min, int max) const;
    bool asBool() const;
    core::PointMm asPoint() const; // [x, y]
    core::RectMm asRect() const;   // {"x_mm", "y_mm", "width_mm", "height_mm"}

    std::string string(const char* key) const { return member(key).asString(); }
    double number(const char* key, double min, double max) const { return member(key).asNumber(min, max); }
    int integer(const char* key, int min, int max) const { return member(key).asInt(min, max); }

    // Rejects members this schema does not know (a typo must not silently do nothing).
    void allowOnly(std::initializer_list<const char*> keys) const;

    [[noreturn]] void fail(const std::string& what) const;

private:
    const nlohmann::json& m_value;
    std::string m_path;
    const std::string& m_source;
};

} // namespace scanstation::templates::detail
