// scanstation — the command-line tool. It only assembles the libraries; every rule lives in them.
#include "command_groups.hpp"
#include "scanstation/core/error.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

int main(int argc, char** argv) {
    using namespace scanstation::cli;
    CLI::App app{"ScanStation: reads paper attendance and grade cards and delivers them to the "
                 "school's e-register"};
    app.require_subcommand(1);
    CliContext ctx;
    app.add_option("--data", ctx.dataDirOption, "Data directory (else $SCANSTATION_DATA, else XDG)");
    app.add_flag("--json", ctx.json, "Machine-readable JSON output");
    app.add_option("--config", ctx.configOption, "Station configuration file (else $SCANSTATION_CONFIG, else /etc/scanstation/station.conf if present)");
    app.add_option("--operator", ctx.operatorOption, "Operator who must be signed in (`operator login`, or --password-stdin); refused otherwise");

    addInfoCommands(app, ctx);
    addRosterCommands(app, ctx);
    addTimetableCommands(app, ctx);
    addAuditCommands(app, ctx);
    addDemoCommands(app, ctx);
    addOperatorCommands(app, ctx);
    addBadgeCommands(app, ctx);
    addArchiveCommands(app, ctx);
    addKeysCommands(app, ctx);
    addPrivacyCommands(app, ctx);
    addTemplateCommands(app, ctx);
    addCardsCommands(app, ctx);
    addIngestionCommands(app, ctx);
    addSyncCommands(app, ctx);
    addDevicesCommands(app, ctx);
    addWatchCommands(app, ctx);
    addRecognizeCommands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2; // 2: usage error
    } catch (const scanstation::Error& e) {
        std::cerr << "scanstation: " << scanstation::toString(e.kind()) << ": " << e.what() << "\n";
        return scanstation::exitCodeFor(e.kind());
    } catch (const std::exception& e) {
        std::cerr << "scanstation: internal error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
