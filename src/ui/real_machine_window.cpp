// The Real machine window (real_machine_window.h).
//
// Index:
//   Helpers          a figure with its spread, a Run button that waits its turn
//   Speedup plot     measured, ideal, simulated GIL and free-threaded curves
//   Sections         parallel speedup, switch cost, many coroutines, a real race
//   ShowRealMachineWindow
#include "ui/real_machine_window.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "real/fiber.h"
#include "real/units.h"
#include "ui/real_machine_model.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {

// ----------------------------------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------------------------------

// The measured curve stands out from the grey ideal line; the simulated ones are the GIL's
// orange and free threading's green, in both themes.
const ImU32 kMeasuredColor = IM_COL32(70, 150, 250, 255);
const ImU32 kGilColor = IM_COL32(235, 140, 60, 255);
const ImU32 kFreeThreadedColor = IM_COL32(60, 175, 100, 255);

// A Run button: greyed out while any probe runs (one measurement at a time, or they would
// measure each other). True when pressed.
bool RunButton(const char* label, const char* hook, bool running) {
    ImGui::BeginDisabled(running);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    RecordItemRect(hook);
    return pressed && !running;
}

// "median [fastest .. slowest]" of a duration.
void DurationCell(const real::Spread& s) {
    char median[32], low[32], high[32];
    ImGui::Text("%s", real::format_duration_ns(median, sizeof median, s.median));
    ImGui::SameLine();
    ImGui::TextDisabled("[%s .. %s]", real::format_duration_ns(low, sizeof low, s.min),
                        real::format_duration_ns(high, sizeof high, s.max));
}

// ----------------------------------------------------------------------------------------------
// Speedup plot
// ----------------------------------------------------------------------------------------------

struct PlotFrame {
    ImVec2 min, max;
    SpeedupPlotScale scale;
    ImVec2 at(double threads, double speedup) const {
        const float fx = scale.max_threads > 1 ? float((threads - 1) / (scale.max_threads - 1)) : 0.5f;
        const float fy = float(speedup / scale.max_speedup);
        return ImVec2(min.x + fx * (max.x - min.x), max.y - fy * (max.y - min.y));
    }
};

void PlotCurve(ImDrawList* dl, const PlotFrame& frame, const std::vector<double>& by_threads, ImU32 color, float width) {
    ImVec2 points[64];
    int n = 0;
    for (size_t i = 0; i < by_threads.size() && n < 64; ++i)
        if (by_threads[i] > 0)
            points[n++] = frame.at(double(i + 1), by_threads[i]);
    dl->AddPolyline(points, n, color, ImDrawFlags_None, width);
    for (int i = 0; i < n; ++i)
        dl->AddCircleFilled(points[i], width + 1.5f, color);
}

void SpeedupPlot(const real::SpeedupResult& result, int max_threads) {
    const float em = ImGui::GetFontSize();
    const ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 16 * em), 12 * em);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("speedup plot", size);
    RecordItemRect("real/speedup plot");
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    PlotFrame frame{ImVec2(origin.x + 2.5f * em, origin.y + 0.5f * em), ImVec2(origin.x + size.x - em, origin.y + size.y - 1.6f * em),
                    ScaleSpeedupPlot(result, max_threads)};
    // Opaque, so that no window behind shows through the curves.
    ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    background.w = 1.0f;
    dl->AddRectFilled(frame.min, frame.max, ImGui::ColorConvertFloat4ToU32(background));
    dl->AddRectFilled(frame.min, frame.max, ImGui::GetColorU32(ImGuiCol_FrameBg));
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char text[32];
    const int y_step = std::max(1, int(frame.scale.max_speedup / 6));
    for (int s = 0; s <= int(frame.scale.max_speedup); s += y_step) {
        const ImVec2 p = frame.at(1, s);
        dl->AddLine(ImVec2(frame.min.x, p.y), ImVec2(frame.max.x, p.y), grid);
        std::snprintf(text, sizeof text, "%d\xC3\x97", s);
        dl->AddText(ImVec2(origin.x, p.y - 0.5f * em), label, text);
    }
    const int x_step = std::max(1, frame.scale.max_threads / 8);
    for (int t = 1; t <= frame.scale.max_threads; t += x_step) {
        const ImVec2 p = frame.at(t, 0);
        std::snprintf(text, sizeof text, "%d", t);
        dl->AddText(ImVec2(p.x - 0.3f * em, frame.max.y + 0.2f * em), label, text);
    }
    // The ideal: N threads, N times as fast.
    dl->AddLine(frame.at(1, 1), frame.at(frame.scale.max_threads, frame.scale.max_threads), label, 1.0f);
    PlotCurve(dl, frame, result.simulated.gil, kGilColor, 1.5f);
    PlotCurve(dl, frame, result.simulated.free_threaded, kFreeThreadedColor, 1.5f);
    const ImU32 measured = kMeasuredColor;
    for (int t = 1; t <= int(result.seconds.size()); ++t) {
        const SpeedupRange range = MeasuredSpeedup(result, t);
        const ImVec2 low = frame.at(t, range.low), high = frame.at(t, range.high);
        dl->AddLine(low, high, measured, 1.0f);
        dl->AddLine(ImVec2(low.x - 0.25f * em, low.y), ImVec2(low.x + 0.25f * em, low.y), measured);
        dl->AddLine(ImVec2(high.x - 0.25f * em, high.y), ImVec2(high.x + 0.25f * em, high.y), measured);
    }
    PlotCurve(dl, frame, result.speedup, measured, 2.5f);
    if (hovered && !result.seconds.empty()) {
        const float fx = (ImGui::GetIO().MousePos.x - frame.min.x) / std::max(frame.max.x - frame.min.x, 1.0f);
        const int t = std::clamp(int(fx * float(frame.scale.max_threads - 1) + 1.5f), 1, int(result.seconds.size()));
        const SpeedupRange range = MeasuredSpeedup(result, t);
        ImGui::BeginTooltip();
        ImGui::Text(Tr(Str::RealThreadsTip), t, range.median, range.low, range.high, t);
        if (size_t(t) <= result.simulated.gil.size())
            ImGui::Text(Tr(Str::RealSimulatedTip), result.simulated.gil[size_t(t - 1)],
                        result.simulated.free_threaded[size_t(t - 1)]);
        ImGui::EndTooltip();
    }
    // The legend, in the curves' colours.
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(measured), "%s", Tr(Str::RealMeasured));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", Tr(Str::RealIdeal));
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kGilColor), "%s", Tr(Str::RealSimulatedGil));
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFreeThreadedColor), "%s", Tr(Str::RealSimulatedFree));
}

// ----------------------------------------------------------------------------------------------
// Sections
// ----------------------------------------------------------------------------------------------

void SpeedupSection(RealMachineWindowState& state, const real::ProbeStatus& status, int max_threads) {
    ImGui::TextWrapped("%s", Tr(Str::RealSpeedupIntro));
    ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
    ImGui::SliderInt(Tr(Str::RealThreads), &state.threads, 1, max_threads);
    RecordItemRect("real/threads");
    ImGui::SameLine();
    if (RunButton(Tr(Str::RealMeasureSpeedup), "real/Measure speedup", status.running))
        state.request = real::ProbeRequest{.probe = real::Probe::Speedup, .max_threads = state.threads};
    const real::SpeedupResult& result = status.report.speedup;
    SpeedupPlot(result, std::max(state.threads, int(result.seconds.size())));
    if (result.seconds.empty() || !ImGui::BeginTable("speedup", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn(Tr(Str::RealThreads));
    ImGui::TableSetupColumn(Tr(Str::RealWallColumn));
    ImGui::TableSetupColumn(Tr(Str::RealSpeedupColumn));
    ImGui::TableSetupColumn(Tr(Str::RealSimulatedGil));
    ImGui::TableSetupColumn(Tr(Str::RealFreeColumn));
    ImGui::TableHeadersRow();
    for (int t = 1; t <= int(result.seconds.size()); ++t) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", t);
        ImGui::TableNextColumn();
        DurationCell({result.seconds[size_t(t - 1)].median * 1e9, result.seconds[size_t(t - 1)].min * 1e9,
                      result.seconds[size_t(t - 1)].max * 1e9});
        ImGui::TableNextColumn();
        ImGui::Text(Tr(Str::RealOfIdeal), MeasuredSpeedup(result, t).median, 100 * MeasuredSpeedup(result, t).median / t);
        ImGui::TableNextColumn();
        if (size_t(t) <= result.simulated.gil.size())
            ImGui::Text("%.2f\xC3\x97", result.simulated.gil[size_t(t - 1)]);
        ImGui::TableNextColumn();
        if (size_t(t) <= result.simulated.free_threaded.size())
            ImGui::Text("%.2f\xC3\x97", result.simulated.free_threaded[size_t(t - 1)]);
    }
    ImGui::EndTable();
    RecordItemRect("real/speedup table");
}

void SwitchCostSection(RealMachineWindowState& state, const real::ProbeStatus& status) {
    ImGui::TextWrapped("%s", Tr(Str::RealSwitchIntro));
    if (RunButton(Tr(Str::RealMeasureSwitch), "real/Measure switch cost", status.running))
        state.request = real::ProbeRequest{.probe = real::Probe::SwitchCost};
    if (!status.report.has_switch_cost || !ImGui::BeginTable("switch", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    const real::SwitchCostResult& c = status.report.switch_cost;
    const auto row = [&](const char* what, const real::Spread& s) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(what);
        ImGui::TableNextColumn();
        DurationCell(s);
        ImGui::TableNextColumn();
        if (&s != &c.fiber_switch_ns && c.fiber_switch_ns.median > 0)
            ImGui::Text(Tr(Str::RealTimesFiber), s.median / c.fiber_switch_ns.median);
    };
    ImGui::TableSetupColumn(Tr(Str::RealSwitchColumn));
    ImGui::TableSetupColumn(Tr(Str::RealMedianColumn));
    ImGui::TableSetupColumn(Tr(Str::RealRatioColumn));
    ImGui::TableHeadersRow();
    char fiber[64];
    std::snprintf(fiber, sizeof fiber, Tr(Str::RealFiberSwitch), real::fiber_back_end());
    row(fiber, c.fiber_switch_ns);
    row(Tr(Str::RealHandoff), c.thread_handoff_ns);
    row(Tr(Str::RealCreateJoin), c.thread_create_ns);
    ImGui::EndTable();
    RecordItemRect("real/switch table");
    ImGui::TextWrapped("%s", Tr(Str::RealBrowserThreads));
}

void FibersSection(RealMachineWindowState& state, const real::ProbeStatus& status) {
    ImGui::TextWrapped("%s", Tr(Str::RealFibersIntro));
    if (RunButton(Tr(Str::RealRunFibers), "real/Run fibers", status.running))
        state.request = real::ProbeRequest{.probe = real::Probe::Fibers};
    if (!status.report.has_fibers)
        return;
    const real::FibersResult& f = status.report.fibers;
    char all[32], each[32], threads[32], thread[32];
    ImGui::Text(Tr(Str::RealSwitchesPerSecond), f.switches_per_second.median);
    ImGui::SameLine();
    ImGui::TextDisabled("[%.3g .. %.3g]", f.switches_per_second.min, f.switches_per_second.max);
    ImGui::Text(Tr(Str::RealFibersMemory), real::format_bytes(all, sizeof all, double(f.bytes)),
                f.count, real::format_bytes(each, sizeof each, double(f.bytes) / std::max(f.count, 1)));
    ImGui::Text(Tr(Str::RealThreadsMemory), f.count,
                real::format_bytes(threads, sizeof threads, double(f.thread_stack_bytes) * f.count),
                real::format_bytes(thread, sizeof thread, double(f.thread_stack_bytes)));
    RecordItemRect("real/fibers result");
}

void RaceSection(RealMachineWindowState& state, const real::ProbeStatus& status) {
    ImGui::TextWrapped("%s", Tr(Str::RealRaceIntro));
    char label[96];
    std::snprintf(label, sizeof label, Tr(Str::RealRunRace), std::max(state.threads, 2));
    if (RunButton(label, "real/Run race", status.running))
        state.request = real::ProbeRequest{.probe = real::Probe::Race, .max_threads = state.threads};
    if (status.racing && status.race_guard == real::RaceGuard::None)
        ImGui::Text(Tr(Str::RealRaceNow), (long long)status.race_additions,
                    (long long)status.race_counter, (long long)LiveLostUpdates(status));
    if (!status.report.has_race)
        return;
    const real::RaceResult& r = status.report.race;
    ImGui::Text(Tr(Str::RealRaceShape), r.threads, (long long)r.additions_each);
    ImGui::BulletText(Tr(Str::RealUnguarded), r.lost.median, r.lost.min, r.lost.max);
    ImGui::BulletText(Tr(Str::RealAtomic), r.atomic_lost.max);
    ImGui::BulletText(Tr(Str::RealUnderLock), r.lock_lost.max);
    RecordItemRect("real/race result");
}

} // namespace

// ----------------------------------------------------------------------------------------------
// ShowRealMachineWindow
// ----------------------------------------------------------------------------------------------

void ShowRealMachineWindow(bool* open, RealMachineWindowState& state, const real::ProbeStatus& status) {
    state.request.reset();
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, 2 * em), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(46 * em, display.x - 2 * em), std::min(40 * em, display.y - 3 * em)),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(WindowTitle(Str::TitleRealMachine), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Real machine");
    const int max_threads = RealMachineMaxThreads(status.report.cores);
    if (state.threads <= 0)
        state.threads = max_threads;
    state.threads = std::clamp(state.threads, 1, max_threads);
    ImGui::TextWrapped(Tr(Str::RealIntro), status.report.cores, real::fiber_back_end());
    if (RunButton(Tr(Str::RealRunAll), "real/Run all", status.running))
        state.request = real::ProbeRequest{.probe = real::Probe::All, .max_threads = state.threads};
    ImGui::SameLine();
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%s",
                  status.running ? ProbeStepText(status.now, UiLanguage()).c_str() : Tr(Str::MetricsIdle));
    ImGui::ProgressBar(status.running ? float(status.progress) : 0.0f, ImVec2(-FLT_MIN, 0), overlay);
    RecordItemRect("real/progress");
    ImGui::Separator();
    // WindowTitle: a header's open state is kept by its identity, which a switch of language keeps.
    if (ImGui::CollapsingHeader(WindowTitle(Str::RealParallelSpeedup), ImGuiTreeNodeFlags_DefaultOpen))
        SpeedupSection(state, status, max_threads);
    if (ImGui::CollapsingHeader(WindowTitle(Str::RealSwitchCost), ImGuiTreeNodeFlags_DefaultOpen))
        SwitchCostSection(state, status);
    if (ImGui::CollapsingHeader(WindowTitle(Str::RealManyCoroutines), ImGuiTreeNodeFlags_DefaultOpen))
        FibersSection(state, status);
    if (ImGui::CollapsingHeader(WindowTitle(Str::RealRace), ImGuiTreeNodeFlags_DefaultOpen))
        RaceSection(state, status);
    ImGui::End();
}

} // namespace ui
