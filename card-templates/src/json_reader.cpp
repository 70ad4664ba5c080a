#include "json_reader.hpp"

#include "scanstation/core/error.hpp"

#include <algorithm>
#include <cmath>

namespace scanstation::templates::detail {
namespace {

std::string typeName(const nlohmann::json& j) {
    return j.type_name();
}

std::string formatNumber(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

void JsonNode::fail(const std::string& what) const {
    throw Error(ErrorKind::BadInput,
                m_source + ": " + (m_path.empty() ? std::string("/") : m_path) + ": " + what);
}

bool JsonNode::has(const char* key) const {
    return m_value.is_object() && m_value.contains(key);
}

JsonNode JsonNode::member(const char* key) const {
    if (!m_value.is_object())
        fail(std::string("expected an object, found ") + typeName(m_value));
    auto it = m_value.find(key);
    if (it == m_value.end())
        fail(std::string("missing required member \"") + key + "\"");
    return JsonNode(*it, m_path + "/" + key, m_source);
}

std::optional<JsonNode> JsonNode::optionalMember(const char* key) const {
    if (!has(key))
        return std::nullopt;
    return member(key);
}

std::vector<JsonNode> JsonNode::elements() const {
    if (!m_value.is_array())
        fail(std::string("expected an array, found ") + typeName(m_value));
    std::vector<JsonNode> out;
    out.reserve(m_value.size());
    for (std::size_t i = 0; i < m_value.size(); ++i)
        out.emplace_back(m_value[i], m_path + "/" + std::to_string(i), m_source);
    return out;
}

std::string JsonNode::asString() const {
    if (!m_value.is_string())
        fail(std::string("expected a string, found ") + typeName(m_value));
    return m_value.get<std::string>();
}

double JsonNode::asNumber(double min, double max) const {
    if (!m_value.is_number())
        fail(std::string("expected a number, found ") + typeName(m_value));
    const double v = m_value.get<double>();
    if (!std::isfinite(v) || v < min || v > max)
        fail("number " + formatNumber(v) + " is outside " + formatNumber(min) + ".." + formatNumber(max));
    return v;
}

int JsonNode::asInt(int min, int max) const {
    if (!m_value.is_number_integer())
        fail(std::string("expected an integer, found ") + typeName(m_value));
    const auto v = m_value.get<long long>();
    if (v < min || v > max)
        fail("integer " + std::to_string(v) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
    return static_cast<int>(v);
}

bool JsonNode::asBool() const {
    if (!m_value.is_boolean())
        fail(std::string("expected true or false, found ") + typeName(m_value));
    return m_value.get<bool>();
}

core::PointMm JsonNode::asPoint() const {
    if (!m_value.is_array() || m_value.size() != 2)
        fail("expected a point [x_mm, y_mm]");
    const auto e = elements();
    return {e[0].asNumber(0, 2000), e[1].asNumber(0, 2000)};
}

core::RectMm JsonNode::asRect() const {
    allowOnly({"x_mm", "y_mm", "width_mm", "height_mm"});
    return {number("x_mm", 0, 2000), number("y_mm", 0, 2000), number("width_mm", 0.1, 2000),
            number("height_mm", 0.1, 2000)};
}

void JsonNode::allowOnly(std::initializer_list<const char*> keys) const {
    if (!m_value.is_object())
        fail(std::string("expected an object, found ") + typeName(m_value));
    for (const auto& item : m_value.items()) {
        const bool known = std::any_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; });
        if (!known)
            JsonNode(item.value(), m_path + "/" + item.key(), m_source).fail("unknown member (typo?)");
    }
}

} // namespace scanstation::templates::detail
