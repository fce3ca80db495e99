// The Metrics window: the run's figures at a glance: simulated wall time, each CPU's
// utilisation as a bar, context switches, GIL hand-offs, and the speedup against one thread
// once the engine has measured the run's one-thread baseline (LabSession, after the run ends).
#include <cfloat>
#include <cinttypes>
#include <cstdio>

#include "imgui.h"
#include "ui/lab_windows.h"
#include "ui/strings.h"
#include "ui/metrics_model.h"
#include "ui/palette.h"
#include "ui/test_hooks.h"
#include "ui/threads_model.h"
#include "ui/timeline_model.h"

namespace ui {

namespace {

void Figure(const char* label, const char* value, const char* explanation) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", explanation);
}

// One CPU's bar: its busy share filled in the colour of the thread on it now (none: the
// neutral plot colour), the percentage written over it.
void UtilisationBar(const lab::LabSnapshot& snap, size_t index) {
    const lab::CpuView& cpu = snap.cpus[index];
    char overlay[64];
    const lab::ThreadView* running = FindThread(snap, cpu.thread);
    std::snprintf(overlay, sizeof overlay, "%.0f%%  %s", cpu.utilisation * 100.0, running ? running->name.c_str() : "idle");
    ImGui::Text("CPU %zu", index);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, running ? ThreadColor(running->id) : ImGui::GetColorU32(ImGuiCol_PlotHistogram));
    ImGui::ProgressBar(float(cpu.utilisation), ImVec2(16 * ImGui::GetFontSize(), 0), overlay);
    ImGui::PopStyleColor();
}

} // namespace

void ShowMetricsWindow(bool* open, const lab::LabSnapshot& snap) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    // Compact, in the bottom-right corner: it is glanced at, the other panels are read.
    ImGui::SetNextWindowPos(ImVec2(display.x - em, display.y - em), ImGuiCond_FirstUseEver, ImVec2(1, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(22 * em, 0), ImVec2(30 * em, FLT_MAX));
    if (!ImGui::Begin(WindowTitle(Str::TitleRunMetrics), open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Run metrics");
    const MetricsFigures figures = ComputeMetrics(snap);
    char buf[96], time[32];
    if (ImGui::BeginTable("figures", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value");
        Figure("wall time", FormatDuration(time, sizeof time, snap.stats.wall_time),
               "Simulated time from the start of the run to now.");
        std::snprintf(buf, sizeof buf, "%.0f%% mean, %.2f CPUs' worth", figures.mean_utilisation * 100.0, figures.cpus_worth);
        Figure("CPU use", buf, "Share of the time the CPUs were busy; \"CPUs' worth\" adds them up: 1.0 means one CPU's work.");
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.context_switches);
        Figure("context switches", buf, "Times a CPU stopped one thread and started another.");
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.gil_handoffs);
        Figure("GIL hand-offs", buf, "Times the GIL went from one thread to another.");
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.instructions);
        Figure("instructions", buf, "Bytecode instructions executed by all threads.");
        std::snprintf(buf, sizeof buf, "%" PRId64 " of %llu", figures.threads_alive,
                      (unsigned long long)(snap.threads.size() + snap.threads_not_shown));
        Figure("threads alive", buf, "Threads not yet terminated.");
        if (snap.stats.speedup > 0) {
            Figure("speedup", FormatSpeedup(buf, sizeof buf, snap.stats.speedup),
                   "Wall time of the same work on one thread, divided by this run's wall time.");
            RecordItemRect("metrics/speedup");
            Figure("baseline", snap.stats.baseline.c_str(),
                   "The one-thread run the speedup compares against, measured when this run ended:\n"
                   "the program with its THREADS, WORKERS or TASKS slider at 1, or else on one CPU.");
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Utilisation per CPU");
    for (size_t i = 0; i < snap.cpus.size(); ++i) {
        ImGui::PushID(int(i));
        UtilisationBar(snap, i);
        ImGui::PopID();
    }
    RecordItemRect("metrics/cpus");
    ImGui::End();
}

} // namespace ui
