// The Metrics window's pure logic: the figures it shows, derived from the snapshot's stats.
#pragma once
#include <cstddef>

#include "lab/snapshot.h"

namespace ui {

struct MetricsFigures {
    double mean_utilisation = 0;  // over all CPUs, 0..1
    double busiest_utilisation = 0;
    double cpus_worth = 0;        // sum of utilisations: "how many CPUs' worth of work ran"
    int64_t threads_alive = 0;    // not terminated
};

MetricsFigures ComputeMetrics(const lab::LabSnapshot& snap);

// The speedup as a sentence: "2.91× faster than one thread", "0.97× — no faster than one
// thread", or "" when the snapshot has no one-thread baseline (StatsView::speedup is 0).
const char* FormatSpeedup(char* buf, size_t size, double speedup);

} // namespace ui
