// The timeline benchmark's pure parts (the app runs it at ?bench=timeline; bench/timeline.mjs
// drives it): a synthetic trace of the size the timeline must stay fast with, and the scripted
// camera that zooms and pans across it while the app measures its frame times.
#pragma once
#include <cstdint>
#include <vector>

#include "ui/timeline_model.h"

namespace ui {

// One process per CPU, each with its own GIL, so every CPU is busy: the process's threads take
// turns on its CPU, each run ending in a GIL hand-over, an I/O wait or a yield. Every random
// choice comes from the engine's seeded PRNG, so the trace is the same on every machine.
struct SyntheticTraceSpec {
    int cpus = 8;
    int threads = 64;              // spread evenly over the processes
    int64_t cpu_slices = 1'000'000; // runs of a thread on a CPU, over all CPUs
    SimTime mean_run = 20 * machine::kMicrosecond;
    SimTime mean_io = 300 * machine::kMicrosecond;
    uint64_t seed = 1;
};

// Feeds the synthetic trace into `data` event by event (AddTraceEvent), as a live run would.
void GenerateSyntheticTimeline(TimelineData& data, const SyntheticTraceSpec& spec);

// The benchmark's phases: the app without the timeline, the timeline showing the whole trace,
// then zooming and panning across it.
enum class BenchPhase { Warmup, Baseline, Fit, PanZoom, Done };

struct TimelineBench {
    BenchPhase phase = BenchPhase::Warmup;
    int frame = 0;                  // frames spent in this phase
    double generate_ms = 0;         // how long building the synthetic trace took
    std::vector<float> baseline_ms, fit_ms, pan_zoom_ms; // frame times per phase
};

constexpr int kBenchWarmupFrames = 20;
constexpr int kBenchBaselineFrames = 90;
constexpr int kBenchFitFrames = 90;
constexpr int kBenchPanZoomFrames = 360;

// Record the frame that just ended (its CPU time on the UI thread) and advance the phase.
void RecordBenchFrame(TimelineBench& bench, float frame_ms);
// Whether the timeline window is shown in this phase.
bool BenchShowsTimeline(const TimelineBench& bench);
// Point `axis` where the script wants it for this frame of the phase (keeps its screen extent).
void AimBenchCamera(const TimelineBench& bench, TimeAxis& axis, SimTime trace_end);

} // namespace ui
