// The Real machine window's side of the app: the probe runner (started at the first request, so
// a page that never opens the window keeps its threads for the engine), the window's state, and
// what window.threadlab.state() reports of it.
#pragma once
#include <memory>
#include <string>

#include "real/probe_runner.h"
#include "ui/real_machine_window.h"

namespace app {

struct RealMachine {
    std::unique_ptr<real::ProbeRunner> runner;
    ui::RealMachineWindowState window;
};

// Draws the window and hands what it asked for to the runner.
void ShowRealMachine(bool* open, RealMachine& real_machine);

// {"running":..,"step":..,"progress":..,"threads":..,"racing":..,"raceAdditions":..,
//  "raceCounter":..,"report":{...real::probe_report_json...}}
void AppendRealMachineStateJson(std::string& out, const RealMachine& real_machine);

} // namespace app
