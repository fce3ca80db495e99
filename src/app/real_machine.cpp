#include "app/real_machine.h"

#include <cstdio>

#include "app/state_json.h"
#include "lab/simulated_speedup.h"

namespace app {

namespace {

real::ProbeStatus current_status(const RealMachine& real_machine) {
    return real_machine.runner ? real_machine.runner->status() : real::ProbeStatus{};
}

// The lab's prediction for the same shape of work, run on the probe runner's thread.
real::SimulatedCurves simulate(int max_threads) {
    return {lab::simulated_speedup(max_threads, true), lab::simulated_speedup(max_threads, false)};
}

} // namespace

void ShowRealMachine(bool* open, RealMachine& real_machine) {
    ui::ShowRealMachineWindow(open, real_machine.window, current_status(real_machine));
    if (!real_machine.window.request)
        return;
    if (!real_machine.runner)
        real_machine.runner = std::make_unique<real::ProbeRunner>(simulate);
    real_machine.runner->start(*real_machine.window.request);
}

void AppendRealMachineStateJson(std::string& out, const RealMachine& real_machine) {
    const real::ProbeStatus status = current_status(real_machine);
    char buf[256];
    std::snprintf(buf, sizeof buf, "{\"running\":%s,\"progress\":%g,\"threads\":%d,\"racing\":%s,\"raceAdditions\":%lld,"
                  "\"raceCounter\":%lld,\"step\":",
                  status.running ? "true" : "false", status.progress, real_machine.window.threads,
                  status.racing ? "true" : "false", (long long)status.race_additions, (long long)status.race_counter);
    out += buf;
    AppendJsonString(out, status.step);
    out += ",\"report\":";
    out += real::probe_report_json(status.report);
    out += '}';
}

} // namespace app
