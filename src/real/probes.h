// The real machine's probes: measurements of this computer's own threads and fibers, each one
// run of one probe (the runner, probe_runner.h, repeats them and keeps the spread). Real time,
// real cores: nothing here is deterministic, and nothing here knows the simulated machine.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace real {

// Logical cores as the system reports them (in a browser: navigator.hardwareConcurrency).
int logical_cores();

// The median of a probe's repeats and their range.
struct Spread {
    double median = 0, min = 0, max = 0;
};
Spread spread_of(std::vector<double> samples);

// --- Parallel speedup: a CPU-bound kernel (a xorshift chain, all in registers) split over
//     real threads. ---

// How many kernel iterations one thread runs in about `seconds`.
uint64_t calibrate_kernel(double seconds);
// Wall time of `iterations` split evenly over `threads` threads, from the moment all of them
// stand ready at the start line to the last one's end.
double time_kernel(int threads, uint64_t iterations);

// --- Switch costs, in nanoseconds, each from as many rounds as fit in `seconds`. ---

// One hand-off between two threads taking turns through a mutex and two condition variables.
double measure_thread_handoff_ns(double seconds);
// Starting a thread that does nothing and joining it.
double measure_thread_create_ns(double seconds);
// One fiber switch (fiber to scheduler or back), from two fibers yielding `yields` times each.
double measure_fiber_switch_ns(int yields);

// The stack a new thread gets unless told otherwise (what each of 10 000 threads would reserve).
size_t default_thread_stack_bytes();

// --- A real race: threads adding 1 to one shared counter. ---

enum class RaceGuard {
    None,   // load, add, store: two threads can load the same value and one update is lost
    Atomic, // one indivisible fetch_add
    Lock,   // a mutex around the load, add, store
};

// What a race has done so far, read live by another thread while it runs.
struct RaceLive {
    std::atomic<int64_t> counter{0};   // the shared counter itself
    std::atomic<int64_t> additions{0}; // additions the threads have made (counted apart, exactly)
};

// `threads` threads each add 1 to live.counter `additions_each` times; returns how many
// additions were lost (made but not in the counter).
int64_t run_race(int threads, int64_t additions_each, RaceGuard guard, RaceLive& live);

} // namespace real
