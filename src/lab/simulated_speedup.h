// The simulated side of the Real machine window: the speedup the lab's engine predicts for a
// CPU-bound Python program split over 1..N threads (on N simulated CPUs), with the GIL and
// free-threaded, to set beside what this computer's real threads measure.
#pragma once
#include <vector>

namespace lab {

// Index t-1: the simulated wall time of the work on one thread over its time on t threads.
std::vector<double> simulated_speedup(int max_threads, bool gil);

} // namespace lab
