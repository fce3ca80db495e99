// A process costs more than a thread: to create (charged to its creator) and to switch to (the
// CPU changes address space), and the trace counts the switches between processes.
#include <doctest/doctest.h>

#include "python/python_machine.h"

namespace {

constexpr const char* kTwoProcesses = R"(import multiprocessing

def count(n):
    while n > 0:
        n -= 1

if __name__ == "__main__":
    p = multiprocessing.Process(target=count, args=(200000,))
    p.start()
    count(200000)
    p.join()
)";

struct Ran {
    machine::SimTime end = 0;
    int64_t switches = 0, process_switches = 0;
};

Ran run(machine::MachineConfig config) {
    python::PythonRun run(config);
    REQUIRE_FALSE(run.start(kTwoProcesses, "test.py").has_value());
    REQUIRE(run.run() == machine::RunStatus::Finished);
    const machine::TraceStats& stats = run.machine().trace().stats();
    return {run.machine().now(), stats.context_switches, stats.process_switches};
}

} // namespace

TEST_CASE("two processes on one CPU: switches between them are counted and cost the address-space change") {
    machine::MachineConfig config;  // one CPU: the two processes' threads take turns
    const Ran with_costs = run(config);
    CHECK(with_costs.process_switches > 4);
    CHECK(with_costs.process_switches <= with_costs.switches);
    config.process_switch_cost = 0;
    const Ran no_switch_cost = run(config);
    CHECK(no_switch_cost.process_switches == with_costs.process_switches);
    CHECK(with_costs.end - no_switch_cost.end ==
          with_costs.process_switches * machine::MachineConfig{}.process_switch_cost);
    config.process_create_cost = config.thread_create_cost;
    CHECK(no_switch_cost.end - run(config).end ==
          machine::MachineConfig{}.process_create_cost - config.thread_create_cost);
}
