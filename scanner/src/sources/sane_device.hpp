#pragma once
// An open SANE device and its options, addressed by the names scanimage shows ("mode",
// "source", "resolution", "tl-x"...). Values are given as text and converted to the option's type.
#include "scanstation/scanner/sources/sane_page_source.hpp"
#include "sources/sane_session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scanstation::scanner {

class SanePageSource::Device {
public:
    explicit Device(const std::string& name); // throws NotFound / Infrastructure
    ~Device();
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    SANE_Handle handle() const { return m_handle; }
    const std::string& name() const { return m_name; }

    bool hasOption(const std::string& option) const;
    // Throws BadInput naming device, option and (for lists) the values it accepts.
    void set(const std::string& option, const std::string& value);
    // The choices of a string-list option; empty when it has none.
    std::vector<std::string> choices(const std::string& option) const;
    // Numeric value (int or fixed) of an option; nullopt when absent or not numeric.
    std::optional<double> number(const std::string& option) const;
    // Resolution choices: a list, or {min, max} with isRange.
    std::vector<double> numericChoices(const std::string& option, bool& isRange) const;

private:
    int indexOf(const std::string& option) const; // -1 when absent
    detail::SaneSession m_session;
    std::string m_name;
    SANE_Handle m_handle = nullptr;
};

} // namespace scanstation::scanner
