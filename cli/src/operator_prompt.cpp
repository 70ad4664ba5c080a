#include "operator_prompt.hpp"

#include <iostream>
#include <unistd.h>

namespace scanstation::cli {

namespace {

std::string whatToDo(scanner::FaultKind kind) {
    switch (kind) {
    case scanner::FaultKind::Jammed: return "clear the jammed sheet, put it back on top of the stack";
    case scanner::FaultKind::CoverOpen: return "close the scanner's cover or feeder lid";
    case scanner::FaultKind::DeviceGone: return "check the scanner's cable and power";
    case scanner::FaultKind::DeviceBusy: return "close the other program using the scanner";
    case scanner::FaultKind::BadPage: return "";
    }
    return "";
}

} // namespace

OperatorPrompt::OperatorPrompt(bool autoContinue) : m_autoContinue(autoContinue), m_terminal(isatty(STDIN_FILENO) == 1) {}

bool OperatorPrompt::answeredContinue(const std::string& question) {
    if (m_terminal)
        std::cerr << question << " [Enter = continue, s = stop]: " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' '))
        answer.pop_back();
    return answer.empty() || answer == "c" || answer == "continue" || answer == "y" || answer == "yes";
}

bool OperatorPrompt::faultCleared(const scanner::SourceEvent& fault, int pagesStored) {
    std::cerr << "scanstation: source " << scanner::toString(fault.fault) << ": " << fault.message << std::endl;
    if (fault.fault == scanner::FaultKind::BadPage)
        return true;
    m_repeats = (fault.fault == m_lastFault && pagesStored == m_pagesAtLastFault) ? m_repeats + 1 : 1;
    m_lastFault = fault.fault;
    m_pagesAtLastFault = pagesStored;
    if (m_autoContinue) {
        if (m_repeats < kRetries) {
            std::cerr << "scanstation: --continue: trying again (" << m_repeats << " of " << kRetries - 1 << ")" << std::endl;
            return true;
        }
        std::cerr << "scanstation: the same fault came back " << kRetries << " times with no page in between: stopping; "
                  << pagesStored << " page(s) of this batch are stored" << std::endl;
        return false;
    }
    return answeredContinue("Batch paused after " + std::to_string(pagesStored) + " stored page(s): " +
                            whatToDo(fault.fault) + ", then continue");
}

bool OperatorPrompt::moreLoaded(const std::string& message, int pagesStored) {
    std::cerr << "scanstation: " << message << std::endl;
    if (m_autoContinue)
        return false;
    return answeredContinue("Feeder empty after " + std::to_string(pagesStored) +
                            " stored page(s): load more pages to add them to this batch");
}

} // namespace scanstation::cli
