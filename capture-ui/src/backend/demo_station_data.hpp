#pragma once
// The data directory `scanstation-kiosk --demo` runs on: core's demo school (roster,
// timetable, operators) in a fresh store, known passwords for the demo operators, and a
// feeder of printed cards with pen marks (folder demo-feeder/ inside the data directory).
// Everything else is the real station: the same store, libraries and rules.
#include "core_backend.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::ui::demo {

struct DemoAccount {
    std::string login;
    std::string password;
    bool oneTime = false; // must be changed at the first sign-in
};

// The demo operators (core's demo school) and their passwords; README "Kiosk" lists them.
const std::vector<DemoAccount>& demoAccounts();

// Fills the empty folder `dataDir` with the demo station, sealed under demoKeyDir(). The first
// call in a process builds it (a few seconds); later calls copy that first one.
void makeDemoDataDir(const std::filesystem::path& dataDir);

// The demo's key directory: a temporary folder (0700) of this process, removed at exit, shared
// by every demo station of the process (they are copies of one store). Never ~/.config.
std::filesystem::path demoKeyDir();

// The demo feeder's page source spec, e.g. "folder:DIR/demo-feeder".
std::string demoFeederSource(const std::filesystem::path& dataDir);

// The reference register on this machine ($SCANSTATION_REGISTER_URL, plain http allowed on
// loopback only, client from $SCANSTATION_REGISTER_CLIENT "ID:SECRET"); empty url when unset.
RegisterConfig referenceRegisterFromEnvironment();

// Loads the demo school's roster into the reference register (its loopback admin route), so
// that both sides know the same pupils. Throws Error{Infrastructure} when it refuses.
void seedReferenceRegister(const core::SealedDataDir& dataDir, const RegisterConfig& reg);

} // namespace scanstation::ui::demo
