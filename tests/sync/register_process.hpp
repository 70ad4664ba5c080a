#pragma once
// A real scanstation-register process on 127.0.0.1 for tests, and its admin routes.
#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace scanstation::testing {

int freeLoopbackPort();

// How the test itself reaches a register that serves HTTPS (health check, admin routes).
struct TestTls {
    std::string caFile;                  // verifies the register's certificate
    std::string clientCert, clientKey;   // for a register that requires client certificates
};

class RegisterProcess {
public:
    RegisterProcess(std::filesystem::path dataDir, std::string faults = "", std::vector<std::string> extraArgs = {},
                    std::optional<TestTls> tls = std::nullopt);
    ~RegisterProcess();
    RegisterProcess(const RegisterProcess&) = delete;
    RegisterProcess& operator=(const RegisterProcess&) = delete;

    void start();        // waits until /health answers
    void stop();         // SIGTERM and wait
    bool running() const { return m_pid > 0; }
    int port() const { return m_port; }
    std::string url() const { return (m_tls ? "https" : "http") + std::string("://127.0.0.1:") + std::to_string(m_port); }

    // Admin routes (loopback only): GET when body is null.
    nlohmann::json admin(const std::string& path, const nlohmann::json& body = nullptr);
    void seed(const nlohmann::json& roster) { admin("/admin/roster", roster); }
    void setFaults(const std::string& spec);

private:
    std::unique_ptr<httplib::Client> testClient() const;

    std::filesystem::path m_dataDir;
    std::string m_faults;
    std::vector<std::string> m_extraArgs;
    std::optional<TestTls> m_tls;
    int m_port;
    pid_t m_pid = -1;
};

} // namespace scanstation::testing
