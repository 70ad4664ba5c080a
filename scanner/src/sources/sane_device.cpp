#include "sources/sane_device.hpp"

#include "scanstation/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace scanstation::scanner {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool parseBool(const std::string& value, bool& out) {
    const std::string v = lower(value);
    if (v == "yes" || v == "true" || v == "1" || v == "on") { out = true; return true; }
    if (v == "no" || v == "false" || v == "0" || v == "off") { out = false; return true; }
    return false;
}

bool parseNumber(const std::string& value, double& out) {
    char* end = nullptr;
    out = std::strtod(value.c_str(), &end);
    return end && end != value.c_str() && *end == '\0';
}

} // namespace

SanePageSource::Device::Device(const std::string& name) : m_name(name) {
    const SANE_Status status = sane_open(name.c_str(), &m_handle);
    if (status == SANE_STATUS_INVAL)
        throw Error(ErrorKind::NotFound, "no scanner named '" + name + "' (see `scanstation devices`)");
    if (status != SANE_STATUS_GOOD)
        throw Error(ErrorKind::Infrastructure, "cannot open scanner '" + name + "': " + detail::saneStatusText(status));
}

SanePageSource::Device::~Device() {
    if (m_handle)
        sane_close(m_handle);
}

int SanePageSource::Device::indexOf(const std::string& option) const {
    const SANE_Option_Descriptor* first = sane_get_option_descriptor(m_handle, 0);
    SANE_Int count = 0;
    if (!first || sane_control_option(m_handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
        return -1;
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor* d = sane_get_option_descriptor(m_handle, i);
        if (d && d->name && option == d->name && d->type != SANE_TYPE_GROUP)
            return i;
    }
    return -1;
}

bool SanePageSource::Device::hasOption(const std::string& option) const {
    const int i = indexOf(option);
    return i >= 0 && SANE_OPTION_IS_ACTIVE(sane_get_option_descriptor(m_handle, i)->cap);
}

std::vector<std::string> SanePageSource::Device::choices(const std::string& option) const {
    std::vector<std::string> out;
    const int i = indexOf(option);
    if (i < 0)
        return out;
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(m_handle, i);
    if (d->type == SANE_TYPE_STRING && d->constraint_type == SANE_CONSTRAINT_STRING_LIST)
        for (const SANE_String_Const* s = d->constraint.string_list; *s; ++s)
            out.emplace_back(*s);
    return out;
}

std::optional<double> SanePageSource::Device::number(const std::string& option) const {
    const int i = indexOf(option);
    if (i < 0)
        return std::nullopt;
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(m_handle, i);
    if ((d->type != SANE_TYPE_INT && d->type != SANE_TYPE_FIXED) || d->size != sizeof(SANE_Word))
        return std::nullopt;
    SANE_Word w = 0;
    if (sane_control_option(m_handle, i, SANE_ACTION_GET_VALUE, &w, nullptr) != SANE_STATUS_GOOD)
        return std::nullopt;
    return d->type == SANE_TYPE_FIXED ? SANE_UNFIX(w) : double(w);
}

std::vector<double> SanePageSource::Device::numericChoices(const std::string& option, bool& isRange) const {
    std::vector<double> out;
    isRange = false;
    const int i = indexOf(option);
    if (i < 0)
        return out;
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(m_handle, i);
    auto value = [d](SANE_Word w) { return d->type == SANE_TYPE_FIXED ? SANE_UNFIX(w) : double(w); };
    if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST) {
        for (SANE_Int k = 1; k <= d->constraint.word_list[0]; ++k)
            out.push_back(value(d->constraint.word_list[k]));
    } else if (d->constraint_type == SANE_CONSTRAINT_RANGE) {
        isRange = true;
        out = {value(d->constraint.range->min), value(d->constraint.range->max)};
    }
    return out;
}

void SanePageSource::Device::set(const std::string& option, const std::string& value) {
    const std::string where = "scanner '" + m_name + "', option '" + option + "'";
    const int i = indexOf(option);
    if (i < 0)
        throw Error(ErrorKind::BadInput, where + ": the device has no such option");
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(m_handle, i);
    if (!SANE_OPTION_IS_SETTABLE(d->cap) || !SANE_OPTION_IS_ACTIVE(d->cap))
        throw Error(ErrorKind::BadInput, where + ": not settable now");
    std::vector<char> buffer(static_cast<std::size_t>(std::max<SANE_Int>(d->size, sizeof(SANE_Word))), 0);
    void* data = buffer.data();
    switch (d->type) {
    case SANE_TYPE_BOOL: {
        bool b = false;
        if (!parseBool(value, b))
            throw Error(ErrorKind::BadInput, where + ": '" + value + "' is not yes/no");
        const SANE_Word w = b ? SANE_TRUE : SANE_FALSE;
        std::memcpy(data, &w, sizeof w);
        break;
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
        double x = 0;
        if (!parseNumber(value, x))
            throw Error(ErrorKind::BadInput, where + ": '" + value + "' is not a number");
        const SANE_Word w = d->type == SANE_TYPE_FIXED ? SANE_FIX(x) : static_cast<SANE_Word>(std::lround(x));
        std::memcpy(data, &w, sizeof w);
        break;
    }
    case SANE_TYPE_STRING: {
        std::string chosen = value;
        const auto list = choices(option);
        if (!list.empty()) {
            const auto it = std::find_if(list.begin(), list.end(), [&](const std::string& c) { return lower(c) == lower(value); });
            if (it == list.end()) {
                std::string all;
                for (const auto& c : list)
                    all += (all.empty() ? "" : ", ") + c;
                throw Error(ErrorKind::BadInput, where + ": '" + value + "' is not one of: " + all);
            }
            chosen = *it;
        }
        if (chosen.size() + 1 > buffer.size())
            throw Error(ErrorKind::BadInput, where + ": value too long");
        std::memcpy(data, chosen.c_str(), chosen.size() + 1);
        break;
    }
    case SANE_TYPE_BUTTON: data = nullptr; break;
    default: throw Error(ErrorKind::BadInput, where + ": option type not supported");
    }
    SANE_Int info = 0;
    const SANE_Status status = sane_control_option(m_handle, i, SANE_ACTION_SET_VALUE, data, &info);
    if (status != SANE_STATUS_GOOD)
        throw Error(ErrorKind::BadInput, where + ": cannot set '" + value + "': " + detail::saneStatusText(status));
}

} // namespace scanstation::scanner
