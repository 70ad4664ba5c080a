// The client and the reference register both keep to sync/openapi.yaml: every request of a
// full sync (token, batches with all four answers, a corrected resend that supersedes a refused
// record, roster and timetable pulls) goes through Stoplight Prism in
// validating-proxy mode (--errors), which answers with an error for any request or response
// that breaks the document. Needs sync/api-tools/node_modules (scripts/install-deps).
#include "sync_test_fixture.hpp"

#include "scanstation/sync/roster_pull.hpp"
#include "scanstation/sync/timetable_pull.hpp"

#include <httplib.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace scanstation::testing {
namespace {

class PrismProxy {
public:
    PrismProxy(const std::string& upstream, const std::filesystem::path& log) : m_port(freeLoopbackPort()) {
        const std::string prism = std::string(SCANSTATION_SYNC_SOURCE_DIR) + "/sync/api-tools/node_modules/.bin/prism";
        const std::string spec = std::string(SCANSTATION_SYNC_SOURCE_DIR) + "/sync/openapi.yaml";
        m_pid = fork();
        if (m_pid == 0) {
            setpgid(0, 0);
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(fd, 1);
            dup2(fd, 2);
            execl(prism.c_str(), prism.c_str(), "proxy", spec.c_str(), upstream.c_str(), "--errors", "--host",
                  "127.0.0.1", "--port", std::to_string(m_port).c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        httplib::Client client("127.0.0.1", m_port);
        for (int i = 0; i < 600; ++i) { // node starts slowly on a busy machine: up to 60 s
            // A documented request (wrong credentials: a documented 401) proves it is listening.
            if (auto res = client.Post("/oauth/token", "grant_type=client_credentials&client_id=probe&client_secret=x",
                                       "application/x-www-form-urlencoded"))
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        throw std::runtime_error("prism did not start; see " + log.string());
    }
    ~PrismProxy() {
        kill(-m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    int m_port;
    pid_t m_pid = -1;
};

class PrismValidation : public SyncFixture {};

TEST_F(PrismValidation, FullSyncKeepsToTheDocument) {
    if (!std::filesystem::exists(std::string(SCANSTATION_SYNC_SOURCE_DIR) + "/sync/api-tools/node_modules/.bin/prism"))
        GTEST_SKIP() << "prism is not installed: run scripts/install-deps";
    startRegister("expire-token:1");
    CardPlan plan;
    plan.grades = true;
    plan.extraPupilIds = {"ghost-pupil"};
    acceptCards(*store, 2, plan);
    const int queued = core::Outbox(*store).status().waiting;
    const core::Roster roster(*store);
    const auto cls = roster.classes().front();
    reg->seed({{"lessonSlots",
                {{{"sourcedId", cls.sourcedId + "~2027-03-01~1"},
                  {"status", "active"},
                  {"dateLastModified", "2026-11-20T10:00:00.000Z"},
                  {"lesson", {{"class", {{"sourcedId", cls.sourcedId}}}, {"date", "2027-03-01"}, {"lessonNumber", 1}}},
                  {"subject", {{"code", roster.subjects().front().code}}},
                  {"teacher", {{"sourcedId", roster.teachers().front().sourcedId}}}}}}});
    const auto log = registerDir.path() / "prism.log";
    PrismProxy prism(reg->url(), log);

    auto endpoint = loopbackEndpoint(*reg);
    endpoint.baseUrl = prism.url();
    endpoint.requestTimeout = std::chrono::milliseconds(20000);
    sync::RegisterClient client(endpoint);
    const auto report = syncNow(client, std::chrono::seconds(60));
    // A person corrects a refused record: it goes out again under a new id that supersedes it.
    const auto refused = core::Outbox(*store).reviewItems();
    ASSERT_FALSE(refused.empty());
    core::OutboxRecord corrected;
    corrected.recordId = refused.front().recordId + ":r1";
    corrected.cardSerial = refused.front().cardSerial;
    corrected.kind = core::OutboxKind::Attendance;
    corrected.classId = cls.sourcedId;
    corrected.date = "2026-11-23";
    corrected.lessonNumber = 1;
    corrected.pupilId = roster.pupilsOfClass(cls.sourcedId).front().sourcedId;
    corrected.value = "u";
    corrected.supersedes = refused.front().recordId;
    corrected.registerValue = "present";
    core::Outbox(*store).enqueue({corrected});
    const auto resend = syncNow(client, std::chrono::seconds(60));
    const auto pull = sync::pullRoster(*store, client, 50);
    const auto timetable = sync::pullTimetable(*store, client, "sync", 50);

    std::stringstream prismLog;
    prismLog << std::ifstream(log).rdbuf();
    EXPECT_TRUE(report.outboxEmpty) << report.lastError << "\n" << prismLog.str();
    EXPECT_EQ(report.acknowledged + report.toReview, queued);
    EXPECT_GT(report.toReview, 0); // the ghost pupil's attendance and grades: a 200 answer with refusals
    EXPECT_TRUE(pull.complete) << pull.plainWords << "\n" << prismLog.str();
    EXPECT_GT(pull.changed.at("users"), 0);
    EXPECT_TRUE(resend.outboxEmpty) << resend.lastError << "\n" << prismLog.str();
    EXPECT_EQ(resend.acknowledged + resend.toReview, 1);
    EXPECT_TRUE(timetable.complete) << timetable.plainWords << "\n" << prismLog.str();
    EXPECT_EQ(timetable.added, 1);
    EXPECT_EQ(prismLog.str().find("✖"), std::string::npos) << prismLog.str();
}

} // namespace
} // namespace scanstation::testing
