#pragma once
// The frame header (SOF) of a JPEG: its size and channels, read before decoding so that a grey
// page can be decoded straight into its Image (page_file_reader.cpp).
#include <optional>
#include <string_view>

namespace scanstation::scanner::detail {

struct JpegFrame {
    int width = 0, height = 0;
    int components = 0; // 1 grey, 3 colour, 4 CMYK
    int precision = 0;  // bits per sample
};

// Nothing when no frame header is found before the scan data, or it declares a zero size
// (height given later by a DNL marker).
std::optional<JpegFrame> jpegFrame(std::string_view bytes);

} // namespace scanstation::scanner::detail
