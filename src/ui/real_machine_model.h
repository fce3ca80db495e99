// The Real machine window's logic, free of ImGui: how far the speedup plot's axes reach, each
// thread count's speedup with its spread, the thread counts a visitor may pick, and the race's
// lost updates while it runs.
#pragma once
#include <cstdint>
#include <string>

#include "config/config.h"

#include "real/probe_runner.h"

namespace ui {

// The most threads the speedup may use: the machine's cores, but never fewer than the two a
// race needs.
int RealMachineMaxThreads(int cores);

// The speedup of `threads` threads from the measured runs: the median, and the range that the
// fastest and slowest of its runs give against one thread's median. Zero where not measured.
struct SpeedupRange {
    double median = 0, low = 0, high = 0;
};
SpeedupRange MeasuredSpeedup(const real::SpeedupResult& result, int threads);

// The plot's reach: x from 1 to max_threads, y from 0 to max_speedup, a whole number that holds
// the ideal line and every measured and simulated point.
struct SpeedupPlotScale {
    int max_threads = 1;
    double max_speedup = 1;
};
SpeedupPlotScale ScaleSpeedupPlot(const real::SpeedupResult& result, int max_threads);

// While the unguarded race runs: additions made so far that the counter does not hold.
int64_t LiveLostUpdates(const real::ProbeStatus& status);

// What the probes run now, in words ("speedup: threads: 2, run 1 of 3"); empty when nothing runs.
std::string ProbeStepText(const real::ProbeStep& step, config::Language language);

} // namespace ui
