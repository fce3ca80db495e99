// The probes, repeated, on a background thread of their own: the page asks for one (or all),
// draws the progress and the results so far every frame, and never waits for a measurement.
// The CLI asks for all and waits.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "real/probes.h"

namespace real {

enum class Probe { Speedup, SwitchCost, Fibers, Race, All };

struct ProbeRequest {
    Probe probe = Probe::All;
    int max_threads = 2;  // speedup: 1..max_threads; race: max_threads threads (at least 2)
    int repeats = 5;
};

// The simulated speedup for the same shape of work, from whoever owns a simulator (app, cli):
// index t-1 holds t threads' speedup; empty without one.
struct SimulatedCurves {
    std::vector<double> gil, free_threaded;
};
using Simulate = std::function<SimulatedCurves(int max_threads)>;

struct SpeedupResult {
    uint64_t iterations = 0;        // the whole kernel, split over the threads
    std::vector<Spread> seconds;    // index t-1: t threads (filled as they are measured)
    std::vector<double> speedup;    // median seconds of 1 thread over median of t threads
    SimulatedCurves simulated;
    int repeats_done = 0;
};

struct SwitchCostResult {
    Spread fiber_switch_ns, thread_handoff_ns, thread_create_ns;
};

struct FibersResult {
    int count = 0;
    int yields_each = 0;
    Spread switches_per_second;
    size_t bytes = 0;                // all fibers alive at once: stacks and control blocks
    size_t thread_stack_bytes = 0;   // one thread's default stack, for comparison
};

struct RaceResult {
    int threads = 0;
    int64_t additions_each = 0;
    Spread lost, atomic_lost, lock_lost;
};

// What has been measured; a `has_` flag is set once that probe has a complete result.
struct ProbeReport {
    int cores = logical_cores();
    bool has_speedup = false, has_switch_cost = false, has_fibers = false, has_race = false;
    SpeedupResult speedup;           // partial while it runs
    SwitchCostResult switch_cost;
    FibersResult fibers;
    RaceResult race;
};

// What runs now, told apart so that the window says it in the page's language.
enum class ProbeStage : uint8_t {
    None, Starting, Calibrating, SpeedupRun, Simulating, FiberSwitches, ThreadHandoffs, ThreadCreation, ManyFibers,
    RaceUnguarded, RaceAtomic, RaceLocked,
};
struct ProbeStep {
    ProbeStage stage = ProbeStage::None;
    int threads = 0, run = 0, runs = 0; // SpeedupRun: this many threads, run `run` of `runs`
};

struct ProbeStatus {
    bool running = false;
    std::string step;                // what runs now, in English words (the CLI, the state JSON)
    ProbeStep now;                   // the same, told apart for the window
    double progress = 0;             // of the request, 0..1
    // The race while it runs: how it adds, the additions made and the counter's value, live.
    bool racing = false;
    RaceGuard race_guard = RaceGuard::None;
    int64_t race_additions = 0, race_counter = 0;
    ProbeReport report;
};

class ProbeRunner {
public:
    explicit ProbeRunner(Simulate simulate = {});
    ~ProbeRunner();
    ProbeRunner(const ProbeRunner&) = delete;
    ProbeRunner& operator=(const ProbeRunner&) = delete;

    // Starts `request` unless one runs (then it is ignored, and false returned).
    bool start(const ProbeRequest& request);
    ProbeStatus status() const;
    void wait() const; // until the current request is done

private:
    void loop();
    void run(const ProbeRequest& request);
    void run_speedup(const ProbeRequest& request, int& step, int steps);
    void run_switch_cost(const ProbeRequest& request, int& step, int steps);
    void run_fibers(const ProbeRequest& request, int& step, int steps);
    void run_race(const ProbeRequest& request, int& step, int steps);
    void set_step(ProbeStep what, int step, int steps);
    int64_t race_once(int threads, RaceGuard guard, int& step, int steps);

    Simulate simulate_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    ProbeStatus status_;
    bool has_request_ = false, stopping_ = false;
    ProbeRequest request_;
    RaceLive race_live_;
    std::thread thread_; // last: starts once everything above exists
};

// How many steps (repeats of a probe) a request takes, for its progress.
int probe_steps(const ProbeRequest& request);

// The report as JSON: {"cores":2,"speedup":{"1":1.0,"2":1.93},"fiber_switch_ns":...,...}, with
// each figure's spread beside it; only what has been measured.
std::string probe_report_json(const ProbeReport& report);

} // namespace real
