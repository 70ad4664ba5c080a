// The client over HTTPS with certificate verification, against the reference register serving
// TLS (cpp-httplib's SSLServer). The test makes its own school CA, server and client
// certificates with the openssl command line, in a temporary directory.
#include "sync_test_fixture.hpp"

#include "scanstation/core/error.hpp"

#include <cstdlib>
#include <fstream>

namespace scanstation::testing {
namespace {

// A CA ("the school's"), a server certificate for 127.0.0.1 signed by it, a client certificate
// signed by it, and a second CA nobody uses to sign anything (an unknown CA).
class TestPki {
public:
    explicit TestPki(const std::filesystem::path& dir) : m_dir(dir) {
        makeCa("ca", "ScanStation Test School CA");
        makeCa("other-ca", "Another School CA");
        makeSigned("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        makeSigned("client", "scanstation-station-1", "extendedKeyUsage=clientAuth\n");
    }
    std::string file(const std::string& name) const { return (m_dir / name).string(); }

private:
    void run(const std::string& command) {
        const std::string full = "cd '" + m_dir.string() + "' && " + command + " >> openssl.log 2>&1";
        if (std::system(full.c_str()) != 0) throw std::runtime_error("openssl failed: " + command);
    }
    // EC P-256 keys: quick to generate on a busy machine.
    static std::string newKey(const std::string& name) {
        return "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout " + name + ".key";
    }
    void makeCa(const std::string& name, const std::string& cn) {
        run("openssl req -x509 " + newKey(name) + " -out " + name + ".pem -days 2 -subj '/CN=" + cn +
            "' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
    }
    void makeSigned(const std::string& name, const std::string& cn, const std::string& extensions) {
        {
            std::ofstream ext(m_dir / (name + ".ext"));
            ext << extensions;
        }
        run("openssl req " + newKey(name) + " -out " + name + ".csr -subj '/CN=" + cn + "'");
        run("openssl x509 -req -in " + name + ".csr -CA ca.pem -CAkey ca.key -CAcreateserial -out " + name +
            ".pem -days 2 -extfile " + name + ".ext");
    }
    std::filesystem::path m_dir;
};

class Tls : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        pki = std::make_unique<TestPki>(pkiDir.path());
    }
    void startTlsRegister(bool requireClientCert) {
        std::vector<std::string> args{"--tls-cert", pki->file("server.pem"), "--tls-key", pki->file("server.key")};
        TestTls tls{pki->file("ca.pem"), "", ""};
        if (requireClientCert) {
            args.insert(args.end(), {"--tls-client-ca", pki->file("ca.pem")});
            tls.clientCert = pki->file("client.pem");
            tls.clientKey = pki->file("client.key");
        }
        reg = std::make_unique<RegisterProcess>(registerDir.path(), "", args, tls);
        reg->seed(oneRosterJsonOf(core::Roster(*store).snapshot()));
        acceptCards(*store, 1);
        queued = core::Outbox(*store).status().waiting;
    }
    sync::RegisterEndpoint httpsEndpoint() {
        auto endpoint = loopbackEndpoint(*reg);
        endpoint.allowPlainHttp = false;
        endpoint.caFile = pki->file("ca.pem");
        return endpoint;
    }
    void expectNothingDelivered(const sync::SyncRunReport& run) {
        EXPECT_EQ(run.acknowledged, 0);
        EXPECT_EQ(core::Outbox(*store).status().waiting, queued);
        EXPECT_EQ(core::Outbox(*store).status().acknowledged, 0);
        EXPECT_EQ(reg->admin("/admin/stats")["receipts"], 0);
    }

    TempDir pkiDir;
    std::unique_ptr<TestPki> pki;
    int queued = 0;
};

TEST_F(Tls, SchoolCaBundleConfiguredDelivers) {
    startTlsRegister(false);
    ASSERT_EQ(reg->url().rfind("https://", 0), 0u);
    sync::RegisterClient client(httpsEndpoint());
    const auto run = syncNow(client);
    EXPECT_TRUE(run.outboxEmpty) << run.lastError;
    EXPECT_EQ(run.acknowledged, queued);
}

TEST_F(Tls, UnknownCaIsAClearErrorAndNothingIsSent) {
    startTlsRegister(false);
    for (const std::string& ca : {pki->file("other-ca.pem"), std::string()}) { // another CA; the system's bundle
        auto endpoint = httpsEndpoint();
        endpoint.caFile = ca;
        sync::RegisterClient client(endpoint);
        const auto run = syncNow(client, std::chrono::seconds(1));
        EXPECT_FALSE(run.outboxEmpty);
        EXPECT_NE(run.lastError.find("identity could not be verified"), std::string::npos) << run.lastError;
        expectNothingDelivered(run);
    }
    EXPECT_NE(core::Outbox(*store).status().link.lastError.find("could not be verified"), std::string::npos);
}

TEST_F(Tls, ClientCertificateIsTheCredentialAndIsRequired) {
    startTlsRegister(true);
    auto endpoint = httpsEndpoint();
    endpoint.clientId.clear(); // no OAuth: the certificate is the credential
    endpoint.clientSecret.clear();
    {
        sync::RegisterClient without(endpoint);
        const auto run = syncNow(without, std::chrono::seconds(1));
        EXPECT_FALSE(run.outboxEmpty);
        EXPECT_NE(run.lastError.find("client certificate"), std::string::npos) << run.lastError;
        expectNothingDelivered(run);
    }
    endpoint.clientCertFile = pki->file("client.pem");
    endpoint.clientKeyFile = pki->file("client.key");
    sync::RegisterClient with(endpoint);
    const auto run = syncNow(with);
    EXPECT_TRUE(run.outboxEmpty) << run.lastError;
    EXPECT_EQ(run.acknowledged, queued);
    EXPECT_EQ(with.tokensFetched(), 0);
}

TEST(TlsRules, PlainHttpToAnotherHostIsRefusedEvenWhenAllowed) {
    for (const char* url : {"http://192.0.2.1", "http://register.school.example:8080", "http://127.0.0.1.example.org",
                            "http://10.0.0.5/"}) {
        sync::RegisterEndpoint endpoint;
        endpoint.baseUrl = url;
        endpoint.allowPlainHttp = true;
        try {
            sync::RegisterClient client(endpoint);
            ADD_FAILURE() << url << " was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::BadInput);
            EXPECT_NE(std::string(e.what()).find("only to 127.0.0.1"), std::string::npos) << e.what();
        }
    }
    sync::RegisterEndpoint notAsked;
    notAsked.baseUrl = "http://127.0.0.1:9";
    EXPECT_THROW(sync::RegisterClient{notAsked}, Error); // loopback too, unless asked
}

} // namespace
} // namespace scanstation::testing
