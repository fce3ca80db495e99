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
    std::snprintf(overlay, sizeof overlay, "%.0f%%  %s", cpu.utilisation * 100.0, running ? running->name.c_str() : Tr(Str::MetricsIdle));
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
        Figure(Tr(Str::MetricsWallTime), FormatDuration(time, sizeof time, snap.stats.wall_time),
               Tr(Str::MetricsWallTimeTip));
        std::snprintf(buf, sizeof buf, Tr(Str::MetricsCpuUseValue), figures.mean_utilisation * 100.0, figures.cpus_worth);
        Figure(Tr(Str::MetricsCpuUse), buf, Tr(Str::MetricsCpuUseTip));
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.context_switches);
        Figure(Tr(Str::MetricsSwitches), buf, Tr(Str::MetricsSwitchesTip));
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.gil_handoffs);
        Figure(Tr(Str::MetricsHandoffs), buf, Tr(Str::MetricsHandoffsTip));
        std::snprintf(buf, sizeof buf, "%" PRId64, snap.stats.instructions);
        Figure(Tr(Str::MetricsInstructions), buf, Tr(Str::MetricsInstructionsTip));
        std::snprintf(buf, sizeof buf, Tr(Str::MetricsAliveValue), (long long)figures.threads_alive,
                      (size_t)(snap.threads.size() + snap.threads_not_shown));
        Figure(Tr(Str::MetricsAlive), buf, Tr(Str::MetricsAliveTip));
        if (snap.stats.speedup > 0) {
            Figure(Tr(Str::MetricsSpeedup), FormatSpeedup(buf, sizeof buf, snap.stats.speedup), Tr(Str::MetricsSpeedupTip));
            RecordItemRect("metrics/speedup");
            Figure(Tr(Str::MetricsBaseline), snap.stats.baseline.c_str(), Tr(Str::MetricsBaselineTip));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Tr(Str::MetricsPerCpu));
    for (size_t i = 0; i < snap.cpus.size(); ++i) {
        ImGui::PushID(int(i));
        UtilisationBar(snap, i);
        ImGui::PopID();
    }
    RecordItemRect("metrics/cpus");
    ImGui::End();
}

} // namespace ui
