#pragma once
// A real scanstation-register process on 127.0.0.1 for tests, and its admin routes.
#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::testing {

int freeLoopbackPort();

class RegisterProcess {
public:
    RegisterProcess(std::filesystem::path dataDir, std::string faults = "", std::vector<std::string> extraArgs = {});
    ~RegisterProcess();
    RegisterProcess(const RegisterProcess&) = delete;
    RegisterProcess& operator=(const RegisterProcess&) = delete;

    void start();        // waits until /health answers
    void stop();         // SIGTERM and wait
    bool running() const { return m_pid > 0; }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    // Admin routes (loopback only): GET when body is null.
    nlohmann::json admin(const std::string& path, const nlohmann::json& body = nullptr);
    void seed(const nlohmann::json& roster) { admin("/admin/roster", roster); }
    void setFaults(const std::string& spec);

private:
    std::filesystem::path m_dataDir;
    std::string m_faults;
    std::vector<std::string> m_extraArgs;
    int m_port;
    pid_t m_pid = -1;
};

} // namespace scanstation::testing
