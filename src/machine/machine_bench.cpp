#include "machine/machine_bench.h"

#include "machine/machine.h"
#include "machine/script_program.h"

namespace machine {

double MachineBenchResult::instructions_per_second() const {
    return wall_ns > 0 ? static_cast<double>(instructions) * 1e9 / static_cast<double>(wall_ns) : 0.0;
}

double MachineBenchResult::events_per_second() const {
    return wall_ns > 0 ? static_cast<double>(trace_events) * 1e9 / static_cast<double>(wall_ns) : 0.0;
}

std::vector<MachineBenchCase> standard_machine_bench_cases() {
    std::vector<MachineBenchCase> cases;
    for (int cpus : {1, 8})
        for (int threads : {1, 8, 64})
            cases.push_back({threads, cpus, true});
    return cases;
}

MachineBenchResult run_machine_bench(const MachineBenchCase& setup, int64_t (*wall_clock_ns)()) {
    constexpr int64_t kTotalInstructions = 20'000'000;
    constexpr int64_t kPerRound = 2100;
    MachineConfig config;
    config.cpus = setup.cpus;
    config.gil = setup.gil;
    Machine machine(config);
    const SyncId lock = machine.create_sync(SyncKind::Lock);
    const int64_t rounds = std::max<int64_t>(1, kTotalInstructions / (kPerRound * setup.threads));
    auto main = script();
    for (int i = 0; i < setup.threads; ++i) {
        main->spawn("worker-" + std::to_string(i), [lock, rounds] {
            auto w = script();
            w->compute(2000).acquire(lock).compute(100).release(lock).io(50 * kMicrosecond).repeat(rounds);
            return std::unique_ptr<ThreadProgram>(std::move(w));
        });
    }
    for (int i = 0; i < setup.threads; ++i)
        main->join_spawned(i);
    machine.start_process("bench", std::move(main));

    const int64_t start = wall_clock_ns();
    machine.run();
    MachineBenchResult result;
    result.wall_ns = wall_clock_ns() - start;
    result.setup = setup;
    result.instructions = machine.instructions();
    result.trace_events = machine.trace().stats().events;
    result.simulated_time = machine.trace().stats().end_time;
    return result;
}

} // namespace machine
