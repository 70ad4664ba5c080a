#pragma once
// Shared by the recognition tests: the shipped templates, a recognizer for the corpus key,
// and a freshly rendered card.
#include "corpus_card.hpp"
#include "scanstation/scanner/recognizer.hpp"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace scanstation::testing {

const std::vector<core::CardTemplate>& shippedTemplates();
const core::CardTemplate& attendanceTemplate();
const scanner::Recognizer& corpusRecognizer(); // built once, shared by tests (and threads)

// The attendance card rendered at `dpi`, signed for the corpus school (serial 00000042).
cv::Mat renderCard(double dpi, const std::string& payloadOverride = "");
std::string corpusPayload(const core::CardTemplate& tpl, const core::StationKey& key);

scanner::ImageView view(const cv::Mat& image, double dpi);
const scanner::FieldReading* field(const scanner::PageRecognition& r, const std::string& id);

} // namespace scanstation::testing
