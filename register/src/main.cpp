// scanstation-register --listen HOST:PORT --data DIR [--faults SPEC] [--client ID:SECRET]
//                      [--token-ttl SECONDS] [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]]
// The process is a small supervisor: it runs the server in a child process and restarts it when
// the child exits through the crash fault (exit code 86), so "crash and restart" is real.
#include "register_server.hpp"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <iostream>
#include <thread>

namespace {

constexpr int kCrashExit = 86;
constexpr int kMaxRestarts = 1000;
volatile sig_atomic_t g_child = 0;

void forwardSignal(int signal) {
    if (g_child > 0) kill(g_child, signal);
}

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "scanstation-register: " << problem << "\n"
              << "usage: scanstation-register --listen HOST:PORT --data DIR [--faults SPEC]\n"
                 "         [--client ID:SECRET] [--token-ttl SECONDS] [--tls-cert FILE --tls-key FILE\n"
                 "         [--tls-client-ca FILE]]\n";
    std::exit(2);
}

scanstation::reg::RegisterOptions parseArgs(int argc, char** argv) {
    scanstation::reg::RegisterOptions options;
    bool listenGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) usage("option " + arg + " needs a value");
        const std::string value = argv[++i];
        if (arg == "--listen") {
            const auto colon = value.rfind(':');
            if (colon == std::string::npos) usage("--listen expects HOST:PORT");
            options.host = value.substr(0, colon);
            options.port = std::atoi(value.c_str() + colon + 1);
            if (options.port <= 0 || options.port > 65535) usage("--listen: bad port in " + value);
            listenGiven = true;
        } else if (arg == "--data") {
            options.dataDir = value;
        } else if (arg == "--faults") {
            options.faultSpecText = value;
        } else if (arg == "--client") {
            const auto colon = value.find(':');
            if (colon == std::string::npos) usage("--client expects ID:SECRET");
            options.clientId = value.substr(0, colon);
            options.clientSecret = value.substr(colon + 1);
        } else if (arg == "--token-ttl") {
            options.tokenTtlSeconds = std::atoi(value.c_str());
        } else if (arg == "--tls-cert") {
            options.tlsCert = value;
        } else if (arg == "--tls-key") {
            options.tlsKey = value;
        } else if (arg == "--tls-client-ca") {
            options.tlsClientCa = value;
        } else {
            usage("unknown option " + arg);
        }
    }
    if (!listenGiven || options.dataDir.empty()) usage("--listen and --data are required");
    if (!options.faultSpecText.empty() && !scanstation::reg::isLoopbackHost(options.host))
        usage("the fault mode runs only on loopback (127.0.0.1, ::1, localhost)");
    if (options.tlsCert.empty() != options.tlsKey.empty()) usage("--tls-cert and --tls-key go together");
    if (!options.tlsClientCa.empty() && options.tlsCert.empty()) usage("--tls-client-ca needs --tls-cert and --tls-key");
    return options;
}

int serve(const scanstation::reg::RegisterOptions& options, unsigned salt) {
    std::signal(SIGTERM, SIG_DFL); // the supervisor's forwarding handler is inherited by fork
    std::signal(SIGINT, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive the supervisor
    try {
        scanstation::reg::RegisterServer server(options, salt);
        return server.run() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "scanstation-register: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    const auto options = parseArgs(argc, argv);
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    try {
        scanstation::reg::parseFaultSpec(options.faultSpecText);
    } catch (const std::invalid_argument& e) {
        usage(e.what());
    }
    std::signal(SIGTERM, forwardSignal);
    std::signal(SIGINT, forwardSignal);
    for (int start = 0; start <= kMaxRestarts; ++start) {
        const pid_t child = fork();
        if (child < 0) {
            std::cerr << "scanstation-register: fork failed: " << std::strerror(errno) << "\n";
            return 1;
        }
        if (child == 0) std::_Exit(serve(options, static_cast<unsigned>(start)));
        g_child = child;
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        g_child = 0;
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == kCrashExit))
            return WIFEXITED(status) ? WEXITSTATUS(status) : 0;
        std::cerr << "scanstation-register: restarting after the injected crash" << std::endl;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return 1;
}
