#include "cli/probe.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <unistd.h>

#include "lab/simulated_speedup.h"
#include "real/fiber.h"
#include "real/probe_runner.h"
#include "real/units.h"

namespace cli {

namespace {

std::string nanoseconds(double ns) {
    char buf[32];
    return real::format_duration_ns(buf, sizeof buf, ns);
}

std::string bytes(double b) {
    char buf[32];
    return real::format_bytes(buf, sizeof buf, b);
}

void print_switch(const char* what, const real::Spread& s) {
    std::printf("  %-34s %10s  [%s .. %s]\n", what, nanoseconds(s.median).c_str(), nanoseconds(s.min).c_str(),
                nanoseconds(s.max).c_str());
}

void print_table(const real::ProbeReport& r, int repeats) {
    std::printf("real machine: %d core%s; each figure is the median of %d runs [fastest .. slowest]\n\n", r.cores,
                r.cores == 1 ? "" : "s", repeats);
    const real::SpeedupResult& s = r.speedup;
    std::printf("parallel speedup: a CPU-bound kernel (%llu xorshift steps) split over real threads;\n"
                "simulated: the same shape of work in Python on the lab's engine, one simulated CPU per thread\n",
                (unsigned long long)s.iterations);
    std::printf("  threads   seconds [fastest .. slowest]     speedup  ideal   sim. GIL  sim. free-threaded\n");
    for (size_t i = 0; i < s.seconds.size(); ++i) {
        const auto simulated = [&](const std::vector<double>& v) { return i < v.size() ? v[i] : 0.0; };
        std::printf("  %7zu   %.3f [%.3f .. %.3f]  %14.2f  %5zu  %8.2f  %18.2f\n", i + 1, s.seconds[i].median,
                    s.seconds[i].min, s.seconds[i].max, s.speedup[i], i + 1, simulated(s.simulated.gil),
                    simulated(s.simulated.free_threaded));
    }
    const real::SwitchCostResult& c = r.switch_cost;
    std::printf("\nswitch cost\n");
    print_switch((std::string("fiber switch (") + real::fiber_back_end() + ")").c_str(), c.fiber_switch_ns);
    print_switch("thread hand-off (mutex + condvar)", c.thread_handoff_ns);
    print_switch("thread create + join", c.thread_create_ns);
    if (c.fiber_switch_ns.median > 0)
        std::printf("  a thread hand-off costs %.0f fiber switches, creating a thread %.0f\n",
                    c.thread_handoff_ns.median / c.fiber_switch_ns.median, c.thread_create_ns.median / c.fiber_switch_ns.median);
    const real::FibersResult& f = r.fibers;
    std::printf("\nmany coroutines: %d fibers alive at once, each yielding %d times\n", f.count, f.yields_each);
    std::printf("  %.3g switches/s [%.3g .. %.3g], %s for all of them (%s each)\n", f.switches_per_second.median,
                f.switches_per_second.min, f.switches_per_second.max, bytes(double(f.bytes)).c_str(),
                bytes(double(f.bytes) / std::max(f.count, 1)).c_str());
    std::printf("  %d threads would reserve %s of stack (%s each)\n", f.count,
                bytes(double(f.thread_stack_bytes) * f.count).c_str(), bytes(double(f.thread_stack_bytes)).c_str());
    const real::RaceResult& race = r.race;
    std::printf("\na real race: %d threads each add 1 to one counter %lld times (nondeterministic: every run differs)\n",
                race.threads, (long long)race.additions_each);
    std::printf("  unguarded (load, add, store): %.0f additions lost [%.0f .. %.0f]\n", race.lost.median, race.lost.min,
                race.lost.max);
    std::printf("  atomic fetch_add:             %.0f lost\n", race.atomic_lost.max);
    std::printf("  under a mutex:                %.0f lost\n", race.lock_lost.max);
}

} // namespace

int command_probe(const Options& options) {
    real::ProbeRequest request;
    request.max_threads = options.number("--threads") > 0 ? int(options.number("--threads")) : real::logical_cores();
    request.repeats = int(options.number("--repeats"));
    if (request.max_threads > 256 || request.repeats < 1 || request.repeats > 100) {
        std::fputs("threadlab probe: --threads is 0..256 and --repeats 1..100\n", stderr);
        return 2;
    }
    real::ProbeRunner runner([](int max_threads) {
        return real::SimulatedCurves{lab::simulated_speedup(max_threads, true), lab::simulated_speedup(max_threads, false)};
    });
    runner.start(request);
    // On a terminal, what is being measured; the figures come at the end. (Under node every
    // stream claims to be a terminal: no progress there, so logs stay clean.)
#ifdef __EMSCRIPTEN__
    const bool show_progress = false;
#else
    const bool show_progress = isatty(STDERR_FILENO);
#endif
    std::string shown;
    for (real::ProbeStatus status = runner.status(); status.running; status = runner.status()) {
        if (show_progress && status.step != shown) {
            std::fprintf(stderr, "\r\033[K%3.0f%%  %s", status.progress * 100, status.step.c_str());
            shown = status.step;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (show_progress)
        std::fputs("\r\033[K", stderr);
    const real::ProbeReport report = runner.status().report;
    if (options.flag("--json"))
        std::printf("%s\n", real::probe_report_json(report).c_str());
    else
        print_table(report, std::max(request.repeats, 3));
    return 0;
}

} // namespace cli
