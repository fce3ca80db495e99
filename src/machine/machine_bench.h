// The machine's benchmark: how many simulated instructions per second of real time it runs,
// for 1, 8 and 64 threads on 1 and 8 CPUs. The threads are scripted (their instructions cost no
// real time), so the figure is the machine's own overhead: scheduling, GIL hand-offs, locks,
// timers and the trace. `threadlab bench` prints the table.
#pragma once
#include <cstdint>
#include <vector>
#include "machine/sim_time.h"

namespace machine {

struct MachineBenchCase {
    int threads = 1;
    int cpus = 1;
    bool gil = true;
};

struct MachineBenchResult {
    MachineBenchCase setup;
    int64_t instructions = 0;     // simulated instructions executed
    uint64_t trace_events = 0;    // scheduling decisions, GIL and lock operations, ...
    SimTime simulated_time = 0;
    int64_t wall_ns = 0;          // real time the run took
    double instructions_per_second() const;
    double events_per_second() const;
};

// 1, 8, 64 threads x 1, 8 CPUs, GIL on (the default machine).
std::vector<MachineBenchCase> standard_machine_bench_cases();

// Runs one case: every thread repeats (2000 instructions, a contended lock around 100 more,
// 50 us of I/O), about 20 million instructions in all. The engine reads no clock: the caller
// passes one (steady, in nanoseconds).
MachineBenchResult run_machine_bench(const MachineBenchCase& setup, int64_t (*wall_clock_ns)());

} // namespace machine
