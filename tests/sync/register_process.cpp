#include "register_process.hpp"

#include <httplib.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace scanstation::testing {

int freeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("bind failed");
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(fd);
    return ntohs(address.sin_port);
}

RegisterProcess::RegisterProcess(std::filesystem::path dataDir, std::string faults, std::vector<std::string> extraArgs,
                                 std::optional<TestTls> tls)
    : m_dataDir(std::move(dataDir)), m_faults(std::move(faults)), m_extraArgs(std::move(extraArgs)),
      m_tls(std::move(tls)), m_port(freeLoopbackPort()) {
    start();
}

RegisterProcess::~RegisterProcess() { stop(); }

void RegisterProcess::start() {
    std::vector<std::string> args{SCANSTATION_REGISTER, "--listen", "127.0.0.1:" + std::to_string(m_port), "--data",
                                  m_dataDir.string()};
    if (!m_faults.empty()) args.insert(args.end(), {"--faults", m_faults});
    args.insert(args.end(), m_extraArgs.begin(), m_extraArgs.end());
    m_pid = fork();
    if (m_pid == 0) {
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const auto client = testClient();
    for (int i = 0; i < 200; ++i) {
        if (auto res = client->Get("/health"); res && res->status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    throw std::runtime_error("scanstation-register did not start on port " + std::to_string(m_port));
}

void RegisterProcess::stop() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::unique_ptr<httplib::Client> RegisterProcess::testClient() const {
    if (!m_tls) return std::make_unique<httplib::Client>("127.0.0.1", m_port);
    auto client = m_tls->clientCert.empty()
                      ? std::make_unique<httplib::Client>("https://127.0.0.1:" + std::to_string(m_port))
                      : std::make_unique<httplib::Client>("https://127.0.0.1:" + std::to_string(m_port),
                                                          m_tls->clientCert, m_tls->clientKey);
    client->set_ca_cert_path(m_tls->caFile.c_str());
    client->enable_server_certificate_verification(true);
    return client;
}

nlohmann::json RegisterProcess::admin(const std::string& path, const nlohmann::json& body) {
    const auto client = testClient();
    client->set_read_timeout(30, 0);
    auto res = body.is_null() ? client->Get(path.c_str())
                              : client->Post(path.c_str(), body.is_string() ? body.get<std::string>() : body.dump(),
                                             "application/json");
    if (!res || res->status != 200)
        throw std::runtime_error("register admin " + path + " failed" + (res ? ": " + res->body : std::string()));
    return nlohmann::json::parse(res->body);
}

void RegisterProcess::setFaults(const std::string& spec) { admin("/admin/faults", nlohmann::json(spec)); }

} // namespace scanstation::testing
