// The probe runner (probe_runner.h).
//
// Index:
//   Sizes         how long each probe measures, and how much
//   Runner        the background thread and its requests
//   Probes        each probe, repeated, publishing as it goes
//   JSON          probe_report_json
#include "real/probe_runner.h"

#include <algorithm>
#include <cstdio>

#include "real/fiber.h"

namespace real {

// ----------------------------------------------------------------------------------------------
// Sizes
// ----------------------------------------------------------------------------------------------

namespace {

constexpr double kKernelSeconds = 0.2;       // the speedup's kernel on one thread
constexpr double kSwitchSeconds = 0.1;       // each hand-off and creation measurement
constexpr int kFiberSwitchYields = 100'000;  // two fibers: 400 000 switches
constexpr int kManyFibers = 10'000;
constexpr int kManyFibersYields = 10;
constexpr int64_t kRaceAdditions = 4'000'000; // per thread: long enough to overlap on a busy machine
constexpr int kMinRepeats = 3;               // the fewest that have a median and a spread

int repeats_of(const ProbeRequest& request) { return std::max(request.repeats, kMinRepeats); }
int race_threads(const ProbeRequest& request) { return std::max(request.max_threads, 2); }

bool includes(const ProbeRequest& request, Probe probe) {
    return request.probe == probe || request.probe == Probe::All;
}

} // namespace

int probe_steps(const ProbeRequest& request) {
    const int repeats = repeats_of(request);
    int steps = 0;
    if (includes(request, Probe::Speedup))
        steps += 2 + repeats * std::max(request.max_threads, 1); // calibration, runs, simulation
    if (includes(request, Probe::SwitchCost))
        steps += 3 * repeats;
    if (includes(request, Probe::Fibers))
        steps += repeats;
    if (includes(request, Probe::Race))
        steps += 3 * repeats;
    return steps;
}

// ----------------------------------------------------------------------------------------------
// Runner
// ----------------------------------------------------------------------------------------------

ProbeRunner::ProbeRunner(Simulate simulate) : simulate_(std::move(simulate)), thread_([this] { loop(); }) {}

ProbeRunner::~ProbeRunner() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

bool ProbeRunner::start(const ProbeRequest& request) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (status_.running)
            return false;
        request_ = request;
        request_.max_threads = std::max(request_.max_threads, 1);
        has_request_ = true;
        status_.running = true;
        status_.progress = 0;
        status_.step = "starting";
        status_.now = {ProbeStage::Starting};
    }
    changed_.notify_all();
    return true;
}

ProbeStatus ProbeRunner::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    ProbeStatus copy = status_;
    copy.race_additions = race_live_.additions.load(std::memory_order_relaxed);
    copy.race_counter = race_live_.counter.load(std::memory_order_relaxed);
    return copy;
}

void ProbeRunner::wait() const {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !status_.running; });
}

void ProbeRunner::loop() {
    for (;;) {
        ProbeRequest request;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || has_request_; });
            if (stopping_)
                return;
            request = request_;
            has_request_ = false;
        }
        run(request);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            status_.running = false;
            status_.progress = 1;
            status_.step.clear();
            status_.now = {};
        }
        changed_.notify_all();
    }
}

void ProbeRunner::run(const ProbeRequest& request) {
    const int steps = probe_steps(request);
    int step = 0;
    if (includes(request, Probe::Speedup))
        run_speedup(request, step, steps);
    if (includes(request, Probe::SwitchCost))
        run_switch_cost(request, step, steps);
    if (includes(request, Probe::Fibers))
        run_fibers(request, step, steps);
    if (includes(request, Probe::Race))
        run_race(request, step, steps);
}

// "speedup: threads: 2, run 1 of 3": the CLI's progress line and the state JSON.
static std::string step_words(const ProbeStep& step) {
    switch (step.stage) {
    case ProbeStage::None: return "";
    case ProbeStage::Starting: return "starting";
    case ProbeStage::Calibrating: return "speedup: calibrating the kernel";
    case ProbeStage::SpeedupRun:
        return "speedup: threads: " + std::to_string(step.threads) + ", run " + std::to_string(step.run) + " of " +
               std::to_string(step.runs);
    case ProbeStage::Simulating: return "speedup: simulating the same work with and without the GIL";
    case ProbeStage::FiberSwitches: return "switch cost: fiber switches";
    case ProbeStage::ThreadHandoffs: return "switch cost: thread hand-offs";
    case ProbeStage::ThreadCreation: return "switch cost: creating and joining threads";
    case ProbeStage::ManyFibers: return "many coroutines: 10 000 fibers yielding";
    case ProbeStage::RaceUnguarded: return "race: counter += 1, unguarded";
    case ProbeStage::RaceAtomic: return "race: counter += 1, atomic";
    case ProbeStage::RaceLocked: return "race: counter += 1, under a lock";
    }
    return "";
}

void ProbeRunner::set_step(ProbeStep what, int step, int steps) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.step = step_words(what);
    status_.now = what;
    status_.progress = steps > 0 ? double(step) / double(steps) : 0;
}

// ----------------------------------------------------------------------------------------------
// Probes
// ----------------------------------------------------------------------------------------------

// Repeat r runs every thread count once, so that a slow moment of the machine (another program,
// a browser tab) spreads over all the counts instead of spoiling one.
void ProbeRunner::run_speedup(const ProbeRequest& request, int& step, int steps) {
    const int threads = request.max_threads;
    const int repeats = repeats_of(request);
    set_step({ProbeStage::Calibrating}, step++, steps);
    SpeedupResult result;
    result.iterations = calibrate_kernel(kKernelSeconds);
    std::vector<std::vector<double>> samples(static_cast<size_t>(threads));
    for (int r = 0; r < repeats; ++r) {
        for (int t = 1; t <= threads; ++t) {
            set_step({ProbeStage::SpeedupRun, t, r + 1, repeats}, step++, steps);
            samples[size_t(t - 1)].push_back(time_kernel(t, result.iterations));
        }
        result.seconds.clear();
        result.speedup.clear();
        for (const std::vector<double>& s : samples) {
            result.seconds.push_back(spread_of(s));
            result.speedup.push_back(result.seconds.front().median / std::max(result.seconds.back().median, 1e-12));
        }
        result.repeats_done = r + 1;
        std::lock_guard<std::mutex> lock(mutex_);
        status_.report.speedup = result;
    }
    set_step({ProbeStage::Simulating}, step++, steps);
    if (simulate_)
        result.simulated = simulate_(threads);
    std::lock_guard<std::mutex> lock(mutex_);
    status_.report.speedup = std::move(result);
    status_.report.has_speedup = true;
}

void ProbeRunner::run_switch_cost(const ProbeRequest& request, int& step, int steps) {
    const int repeats = repeats_of(request);
    std::vector<double> fiber, handoff, create;
    for (int r = 0; r < repeats; ++r) {
        set_step({ProbeStage::FiberSwitches}, step++, steps);
        fiber.push_back(measure_fiber_switch_ns(kFiberSwitchYields));
        set_step({ProbeStage::ThreadHandoffs}, step++, steps);
        handoff.push_back(measure_thread_handoff_ns(kSwitchSeconds));
        set_step({ProbeStage::ThreadCreation}, step++, steps);
        create.push_back(measure_thread_create_ns(kSwitchSeconds));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    status_.report.switch_cost = {spread_of(fiber), spread_of(handoff), spread_of(create)};
    status_.report.has_switch_cost = true;
}

void ProbeRunner::run_fibers(const ProbeRequest& request, int& step, int steps) {
    const int repeats = repeats_of(request);
    FibersResult result;
    result.count = kManyFibers;
    result.yields_each = kManyFibersYields;
    result.thread_stack_bytes = default_thread_stack_bytes();
    std::vector<double> rates;
    for (int r = 0; r < repeats; ++r) {
        set_step({ProbeStage::ManyFibers}, step++, steps);
        const FiberRunResult run = real::run_fibers({.fibers = kManyFibers, .yields_each = kManyFibersYields});
        if (run.finished == kManyFibers && run.seconds > 0)
            rates.push_back(double(run.switches) / run.seconds);
        result.bytes = run.bytes;
    }
    result.switches_per_second = spread_of(rates);
    std::lock_guard<std::mutex> lock(mutex_);
    status_.report.fibers = result;
    status_.report.has_fibers = !rates.empty();
}

void ProbeRunner::run_race(const ProbeRequest& request, int& step, int steps) {
    const int repeats = repeats_of(request);
    const int threads = race_threads(request);
    std::vector<double> lost, atomic_lost, lock_lost;
    for (int r = 0; r < repeats; ++r) {
        lost.push_back(double(race_once(threads, RaceGuard::None, step, steps)));
        atomic_lost.push_back(double(race_once(threads, RaceGuard::Atomic, step, steps)));
        lock_lost.push_back(double(race_once(threads, RaceGuard::Lock, step, steps)));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    status_.racing = false;
    status_.report.race = {threads, kRaceAdditions, spread_of(lost), spread_of(atomic_lost), spread_of(lock_lost)};
    status_.report.has_race = true;
}

int64_t ProbeRunner::race_once(int threads, RaceGuard guard, int& step, int steps) {
    static constexpr ProbeStage kStages[] = {ProbeStage::RaceUnguarded, ProbeStage::RaceAtomic, ProbeStage::RaceLocked};
    set_step({kStages[size_t(guard)]}, step++, steps);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        status_.racing = true;
        status_.race_guard = guard;
    }
    return real::run_race(threads, kRaceAdditions, guard, race_live_);
}

// ----------------------------------------------------------------------------------------------
// JSON
// ----------------------------------------------------------------------------------------------

namespace {

void append(std::string& out, const char* format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

// "name":{"median":m,"min":a,"max":b}
void append_spread(std::string& out, const char* name, const Spread& s) {
    out += '"';
    out += name;
    out += "\":";
    append(out, "{\"median\":%.6g", s.median);
    append(out, ",\"min\":%.6g", s.min);
    append(out, ",\"max\":%.6g}", s.max);
}

// {"1":v,"2":v,...}
void append_by_threads(std::string& out, const std::vector<double>& values) {
    out += '{';
    for (size_t i = 0; i < values.size(); ++i) {
        append(out, i ? ",\"%.0f\":" : "\"%.0f\":", double(i + 1));
        append(out, "%.4g", values[i]);
    }
    out += '}';
}

void append_speedup(std::string& out, const SpeedupResult& s) {
    out += "\"speedup\":";
    append_by_threads(out, s.speedup);
    out += ",\"speedup_seconds\":{";
    for (size_t i = 0; i < s.seconds.size(); ++i) {
        char name[24];
        std::snprintf(name, sizeof name, "%zu", i + 1);
        if (i)
            out += ',';
        append_spread(out, name, s.seconds[i]);
    }
    append(out, "},\"speedup_repeats\":%.0f", double(s.repeats_done));
    append(out, ",\"kernel_iterations\":%.0f", double(s.iterations));
    if (!s.simulated.gil.empty()) {
        out += ",\"simulated\":{\"gil\":";
        append_by_threads(out, s.simulated.gil);
        out += ",\"free_threaded\":";
        append_by_threads(out, s.simulated.free_threaded);
        out += '}';
    }
    out += ',';
}

} // namespace

std::string probe_report_json(const ProbeReport& r) {
    std::string out = "{";
    append(out, "\"cores\":%.0f,", double(r.cores));
    if (r.has_speedup || !r.speedup.seconds.empty())
        append_speedup(out, r.speedup);
    if (r.has_switch_cost) {
        const SwitchCostResult& c = r.switch_cost;
        append(out, "\"fiber_switch_ns\":%.4g,", c.fiber_switch_ns.median);
        append(out, "\"thread_handoff_ns\":%.4g,", c.thread_handoff_ns.median);
        append(out, "\"thread_create_ns\":%.4g,\"switch_cost\":{", c.thread_create_ns.median);
        append_spread(out, "fiber_switch_ns", c.fiber_switch_ns);
        out += ',';
        append_spread(out, "thread_handoff_ns", c.thread_handoff_ns);
        out += ',';
        append_spread(out, "thread_create_ns", c.thread_create_ns);
        out += "},";
    }
    if (r.has_fibers) {
        const FibersResult& f = r.fibers;
        append(out, "\"fibers\":{\"count\":%.0f", double(f.count));
        append(out, ",\"yields_each\":%.0f", double(f.yields_each));
        append(out, ",\"switches_per_s\":%.4g,", f.switches_per_second.median);
        append_spread(out, "switches_per_s_spread", f.switches_per_second);
        append(out, ",\"bytes\":%.0f", double(f.bytes));
        append(out, ",\"thread_stack_bytes\":%.0f", double(f.thread_stack_bytes));
        append(out, ",\"threads_bytes\":%.0f},", double(f.thread_stack_bytes) * double(f.count));
    }
    if (r.has_race) {
        const RaceResult& race = r.race;
        append(out, "\"race\":{\"threads\":%.0f", double(race.threads));
        append(out, ",\"additions_each\":%.0f", double(race.additions_each));
        append(out, ",\"lost\":%.0f", race.lost.median);
        append(out, ",\"with_atomic_lost\":%.0f", race.atomic_lost.median);
        append(out, ",\"with_lock_lost\":%.0f,", race.lock_lost.median);
        append_spread(out, "lost_spread", race.lost);
        out += "},";
    }
    if (out.back() == ',')
        out.pop_back();
    out += '}';
    return out;
}

} // namespace real
