#include "ui/timeline_bench.h"

#include <chrono>
#include <cstdio>

#include "imgui.h"

namespace ui {

void StartTimelineBench(TimelineBenchRun& run) {
    const auto start = std::chrono::steady_clock::now();
    GenerateSyntheticTimeline(run.data, SyntheticTraceSpec{});
    run.bench.generate_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.view.scripted_camera = true;
}

void ShowTimelineBench(TimelineBenchRun& run) {
    if (!BenchShowsTimeline(run.bench))
        return;
    // The whole canvas below the menu bar: the most lanes and pixels the timeline ever draws.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetWindowPos("Timeline", viewport->WorkPos, ImGuiCond_Always);
    ImGui::SetWindowSize("Timeline", viewport->WorkSize, ImGuiCond_Always);
    AimBenchCamera(run.bench, run.view.axis, run.data.end);
    ShowTimelineWindow(&run.window_open, run.view, run.data, false);
}

void RecordTimelineBenchFrame(TimelineBenchRun& run, float frame_ms) { RecordBenchFrame(run.bench, frame_ms); }

namespace {

const char* PhaseName(BenchPhase phase) {
    switch (phase) {
    case BenchPhase::Warmup: return "warmup";
    case BenchPhase::Baseline: return "baseline";
    case BenchPhase::Fit: return "fit";
    case BenchPhase::PanZoom: return "panZoom";
    case BenchPhase::Done: return "done";
    }
    return "?";
}

void AppendTimes(std::string& out, const char* key, const std::vector<float>& times) {
    out += ",\"";
    out += key;
    out += "\":[";
    char buf[32];
    for (size_t i = 0; i < times.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", double(times[i]));
        out += buf;
    }
    out += ']';
}

} // namespace

void AppendTimelineBenchJson(std::string& out, const TimelineBenchRun& run) {
    size_t cpu_slices = 0, lane_slices = 0;
    for (const TimelineLane& lane : run.data.lanes) {
        lane_slices += lane.slices.slices.size();
        if (lane.kind == LaneKind::Cpu)
            cpu_slices += lane.slices.slices.size();
    }
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "{\"phase\":\"%s\",\"generateMs\":%.1f,\"cpuSlices\":%zu,\"laneSlices\":%zu,\"lanes\":%zu,"
                  "\"threads\":%zu,\"cpus\":%zu",
                  PhaseName(run.bench.phase), run.bench.generate_ms, cpu_slices, lane_slices,
                  run.data.lanes.size(), run.data.thread_lanes.size(), run.data.cpu_lanes.size());
    out += buf;
    AppendTimes(out, "baseline", run.bench.baseline_ms);
    AppendTimes(out, "fit", run.bench.fit_ms);
    AppendTimes(out, "panZoom", run.bench.pan_zoom_ms);
    out += '}';
}

} // namespace ui
