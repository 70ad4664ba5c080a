#include "cli_runner.hpp"

#include <array>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace acq_test {

std::string quoted(const std::string& text) {
    std::string q = "'";
    for (char c : text)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

CliRun runCli(const CliCall& call) {
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        dup2(out[1], STDERR_FILENO);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        for (const auto& [name, value] : call.env)
            setenv(name.c_str(), value.c_str(), 1);
        // Fontconfig and libsane-test keep memory at exit that LeakSanitizer would report in
        // every ASan run of the binary; the acquisition code's own leaks are checked in-process.
        setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
        const std::string command = "exec " + quoted(SCANSTATION_CLI) + " " + call.args;
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    signal(SIGPIPE, SIG_IGN);
    if (!call.input.empty() && write(in[1], call.input.data(), call.input.size()) < 0) {
        // the child may have exited without reading: its output says why
    }
    close(in[1]);
    CliRun run;
    bool interrupted = false;
    std::array<char, 4096> buffer{};
    for (ssize_t n; (n = read(out[0], buffer.data(), buffer.size())) > 0;) {
        run.out.append(buffer.data(), static_cast<std::size_t>(n));
        if (!interrupted && !call.interruptAfter.empty() && run.out.find(call.interruptAfter) != std::string::npos) {
            kill(pid, SIGINT);
            interrupted = true;
        }
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace acq_test
