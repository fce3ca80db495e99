// The timeline benchmark inside the app, opened with ?bench=timeline: a synthetic trace of a
// million CPU slices (timeline_bench_model.h) shown in a Timeline window that fills the canvas,
// a scripted zoom and pan across it, and the UI thread's frame times for each phase, reported
// through window.threadlab.state().bench for bench/timeline.mjs.
#pragma once
#include <string>

#include "ui/timeline.h"
#include "ui/timeline_bench_model.h"

namespace ui {

struct TimelineBenchRun {
    TimelineBench bench;
    TimelineData data;
    TimelineView view;
    bool window_open = true;
};

// Builds the synthetic trace (timed: bench.generate_ms).
void StartTimelineBench(TimelineBenchRun& run);
// In place of the normal Timeline window, every frame.
void ShowTimelineBench(TimelineBenchRun& run);
// After the frame is drawn: its CPU time on the UI thread.
void RecordTimelineBenchFrame(TimelineBenchRun& run, float frame_ms);
// {"phase":"fit","generateMs":…,"slices":…,"baseline":[…],"fit":[…],"panZoom":[…]}
void AppendTimelineBenchJson(std::string& out, const TimelineBenchRun& run);

} // namespace ui
