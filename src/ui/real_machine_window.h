// The Real machine window: what this computer's own threads and fibers do, measured, beside
// what the lab predicts. The measurements run on the probe runner's thread (real/probe_runner.h);
// the window shows their progress and results and asks for new runs.
#pragma once
#include <optional>

#include "real/probe_runner.h"

namespace ui {

struct RealMachineWindowState {
    int threads = 0;                       // the speedup's and the race's thread count; 0: the cores
    std::optional<real::ProbeRequest> request; // what the user asked for this frame
};

void ShowRealMachineWindow(bool* open, RealMachineWindowState& state, const real::ProbeStatus& status);

} // namespace ui
