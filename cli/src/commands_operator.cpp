// scanstation operator add|list|unlock|passwd|login|logout|whoami
// Passwords are read from standard input only (one per line), never from the command line,
// where they would show in the process list and the shell history.
#include "command_groups.hpp"
#include "operator_session.hpp"
#include "scanstation/core/accounts.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/store.hpp"

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>
#include <memory>

namespace scanstation::cli {

namespace {

struct OperatorOptions {
    std::string login;
    std::string name;
    std::string role = "teacher";
    std::string teacherId;
    bool reset = false;
};

std::string when(const std::optional<core::TimePoint>& t) {
    if (!t)
        return "never";
    const auto secs = std::chrono::system_clock::to_time_t(*t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

void add(const CliContext& ctx, const OperatorOptions& o) {
    core::Store store(ctx.dataDir());
    core::Accounts accounts(store);
    const auto role = core::roleFromString(o.role);
    if (!role)
        throw Error(ErrorKind::BadInput, "unknown role '" + o.role + "' (administrator, director, class_teacher, "
                                                                     "teacher, secretariat, inspector)");
    std::optional<core::Operator> actor;
    if (accounts.anyPasswordSet()) {
        actor = signedInOperator(store);
        core::require(actor->role, core::Action::ManageOperators);
    }
    const auto password = readSecretLine("one-time password for " + o.login);
    core::Operator op;
    op.login = o.login;
    op.displayName = o.name.empty() ? o.login : o.name;
    op.role = *role;
    if (!o.teacherId.empty())
        op.teacherId = o.teacherId;
    core::Transaction tx(store);
    core::OperatorDirectory(store).add(actor ? actor->login : o.login, op);
    accounts.setOneTimePassword(actor, o.login, password);
    tx.commit();
    std::cout << "operator " << o.login << " added as " << o.role
              << "; the password is one-time and must be changed at the first sign-in\n";
}

void list(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::require(actor.role, core::Action::ManageOperators);
    core::Accounts accounts(store);
    for (const auto& op : core::OperatorDirectory(store).list()) {
        const auto s = accounts.status(op.login);
        std::string state = !op.active ? "deactivated" : !s.hasPassword ? "no password" : "active";
        if (s.lockedUntil)
            state = "locked until " + when(s.lockedUntil);
        else if (s.hasPassword && s.mustChangePassword)
            state += ", must change password";
        std::cout << op.login << "\t" << core::toString(op.role) << "\t" << op.displayName << "\t" << state
                  << "\tlast sign-in " << when(s.lastSuccess) << "\n";
    }
}

void unlock(const CliContext& ctx, const OperatorOptions& o) {
    core::Store store(ctx.dataDir());
    const auto actor = signedInOperator(store);
    core::Accounts(store).unlock(actor, o.login);
    std::cout << "account " << o.login << " unlocked\n";
}

void passwd(const CliContext& ctx, const OperatorOptions& o) {
    core::Store store(ctx.dataDir());
    core::Accounts accounts(store);
    if (o.reset) {
        // Before any operator has a password (demo operators, a fresh roster), the first
        // administrator's one-time password is set without a sign-in, as by `operator add`.
        std::optional<core::Operator> actor;
        if (accounts.anyPasswordSet())
            actor = signedInOperator(store);
        accounts.setOneTimePassword(actor, o.login, readSecretLine("new one-time password for " + o.login));
        std::cout << "one-time password set for " << o.login << "; it must be changed at the next sign-in\n";
        return;
    }
    const auto oldPassword = readSecretLine("current password");
    const auto newPassword = readSecretLine("new password");
    accounts.changePassword(o.login, oldPassword, newPassword);
    std::cout << "password changed for " << o.login << "\n";
}

void login(const CliContext& ctx, const OperatorOptions& o) {
    core::Store store(ctx.dataDir());
    core::Accounts accounts(store);
    const auto password = readSecretLine("password for " + o.login);
    auto result = accounts.signIn(o.login, password);
    if (result.status == core::SignInStatus::PasswordChangeRequired) {
        std::cerr << "password change required: " << result.changeReason << "\n";
        std::string newPassword;
        try {
            newPassword = readSecretLine("new password");
        } catch (const Error&) {
            throw Error(ErrorKind::PermissionDenied, "not signed in: " + result.changeReason +
                                                         "; give the new password on the next line of standard input");
        }
        result = accounts.signIn(o.login, password, newPassword);
    }
    try { // a new sign-in ends the session it replaces (audited), rather than leave it to idle out
        if (const auto previous = loadSessionToken(store.dataDir()))
            accounts.signOut(*previous);
    } catch (const Error&) {
        // an unsafe session file: replaced below without being read
    }
    saveSessionToken(store.dataDir(), result.sessionToken);
    std::cout << "signed in as " << result.op.login << " (" << core::toString(result.op.role) << ")\n"
              << "previous successful sign-in: " << when(result.previousSuccess) << "\n"
              << "previous failed sign-in: " << when(result.previousFailure) << "\n";
    if (result.failedAttemptsSincePreviousSuccess > 0)
        std::cout << "wrong passwords since then: " << result.failedAttemptsSincePreviousSuccess << "\n";
    std::cout << "your actions are recorded in the station's audit log\n";
}

void logout(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    std::optional<std::string> token;
    try {
        token = loadSessionToken(store.dataDir());
    } catch (const Error& e) {
        // An unsafe session file is removed unused; its session ends by the idle limit.
        std::cerr << e.what() << "\n";
    }
    if (token)
        core::Accounts(store).signOut(*token);
    forgetSessionToken(store.dataDir());
    std::cout << "signed out\n";
}

void whoami(const CliContext& ctx) {
    core::Store store(ctx.dataDir());
    const auto op = signedInOperator(store);
    std::cout << op.login << "\t" << core::toString(op.role) << "\t" << op.displayName << "\n";
}

} // namespace

void addOperatorCommands(CLI::App& app, CliContext& ctx) {
    useCommandLine(ctx);
    // Read while parsing, before any command reads its own input from stdin (shred --confirm -).
    app.add_flag_callback(
        "--password-stdin", [&ctx] {
            ctx.passwordStdin = true;
            ctx.stdinPassword = readSecretLine("password of the --operator");
        },
        "For scripts: sign --operator in for this one command with the password on the first line of stdin");
    auto o = std::make_shared<OperatorOptions>();
    auto* group = app.add_subcommand("operator", "Operator accounts: add, list, unlock, passwords, sign-in");
    group->require_subcommand(1);

    auto* addCmd = group->add_subcommand("add", "Add an operator; reads the one-time password from stdin");
    addCmd->add_option("login", o->login, "Login, [a-z0-9._-]")->required();
    addCmd->add_option("--name", o->name, "Display name");
    addCmd->add_option("--role", o->role, "administrator|director|class_teacher|teacher|secretariat|inspector")
        ->required();
    addCmd->add_option("--teacher", o->teacherId, "Roster teacher id of this operator");
    addCmd->callback([&ctx, o] { add(ctx, *o); });

    group->add_subcommand("list", "List operators and their account state")->callback([&ctx] { list(ctx); });

    auto* unlockCmd = group->add_subcommand("unlock", "Unlock an account locked after wrong passwords");
    unlockCmd->add_option("login", o->login)->required();
    unlockCmd->callback([&ctx, o] { unlock(ctx, *o); });

    auto* passwdCmd = group->add_subcommand(
        "passwd", "Change a password: stdin has the current and the new one; --reset (administrator) sets a one-time one");
    passwdCmd->add_option("login", o->login)->required();
    passwdCmd->add_flag("--reset", o->reset, "Set a new one-time password as an administrator");
    passwdCmd->callback([&ctx, o] { passwd(ctx, *o); });

    auto* loginCmd = group->add_subcommand(
        "login", "Sign in: stdin has the password, and a new one on the next line when a change is due");
    loginCmd->add_option("login", o->login)->required();
    loginCmd->callback([&ctx, o] { login(ctx, *o); });

    group->add_subcommand("logout", "Sign out")->callback([&ctx] { logout(ctx); });
    group->add_subcommand("whoami", "Show the signed-in operator")->callback([&ctx] { whoami(ctx); });
}

} // namespace scanstation::cli
