#pragma once
// Runs the real `scanstation` binary (SCANSTATION_CLI) for the acquisition CLI tests: stdin from
// a string, stdout and stderr captured together, extra environment variables, and optionally
// SIGINT sent once a line containing a marker has appeared (Ctrl-C in the middle of a batch).
#include <map>
#include <string>

namespace acq_test {

struct CliRun {
    int exitCode = -1; // -1 when killed by a signal
    std::string out;   // stdout and stderr, interleaved as written
};

struct CliCall {
    std::string args;                         // shell-quoted arguments after the binary
    std::string input;                        // written to stdin, then closed
    std::map<std::string, std::string> env;   // set in the child only
    std::string interruptAfter;               // send SIGINT once this text appears (empty: never)
};

CliRun runCli(const CliCall& call);

// 'text' quoted for /bin/sh.
std::string quoted(const std::string& text);

} // namespace acq_test
