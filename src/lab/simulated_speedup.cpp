#include "lab/simulated_speedup.h"

#include <algorithm>
#include <string>

#include "python/python_machine.h"

namespace lab {

namespace {

// The same shape of work as the real kernel: one CPU-bound loop, its count split evenly.
constexpr const char* kProgram = R"(import threading

def count_down(n):
    while n > 0:
        n -= 1

threads = [threading.Thread(target=count_down, args=(WORK // THREADS,)) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)";
// Long enough in simulated time (about 20 ms) for several GIL switch intervals.
constexpr int kWork = 100'000;

// The simulated wall time of the work on `threads` threads, 0 if it did not finish.
double simulated_seconds(int threads, int cpus, bool gil) {
    machine::MachineConfig config;
    config.cpus = cpus;
    config.gil = gil;
    python::PythonRun run(config);
    const std::string source = "THREADS = " + std::to_string(threads) + "\nWORK = " + std::to_string(kWork) + "\n" + kProgram;
    if (run.start(source, "speedup.py"))
        return 0;
    if (run.run() != machine::RunStatus::Finished)
        return 0;
    return double(run.machine().now());
}

} // namespace

std::vector<double> simulated_speedup(int max_threads, bool gil) {
    std::vector<double> speedup;
    const int cpus = std::min(std::max(max_threads, 1), machine::kMaxCpus);
    const double one = simulated_seconds(1, cpus, gil);
    for (int t = 1; t <= cpus; ++t) {
        const double seconds = simulated_seconds(t, cpus, gil);
        speedup.push_back(one > 0 && seconds > 0 ? one / seconds : 0);
    }
    return speedup;
}

} // namespace lab
