// The Explore window: runs the program in the lab under its schedules (off the UI thread: the
// app's ExploreJob), shows each distinct outcome with how many schedules give it and its
// fewest-preemption witness, and replays a witness in the lab on a click.
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "ui/explore_model.h"
#include "ui/explore_window.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {

// Test-hook names of the first rows' Replay buttons (RecordItemRect keeps the pointer).
constexpr const char* kReplayNames[] = {"explore/Replay 0", "explore/Replay 1", "explore/Replay 2", "explore/Replay 3",
                                        "explore/Replay 4", "explore/Replay 5", "explore/Replay 6", "explore/Replay 7"};

void ShowOutcome(const ExploreRow& row, float share, int index, ExploreWindowState& state) {
    ImGui::PushID(index);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const ImVec4 red(0.95f, 0.35f, 0.35f, 1.0f);
    if (row.failure.empty())
        ImGui::TextUnformatted(ExploreRowLabel(row).c_str());
    else
        ImGui::TextColored(red, "%s", ExploreRowLabel(row).c_str());
    if (ImGui::IsItemHovered()) {
        const std::string shown = (row.output.empty() ? std::string(Tr(Str::ExploreNoOutput)) + "\n" : row.output) + row.detail;
        ImGui::SetTooltip("%s", shown.c_str());
    }
    for (const explore::PreemptionParts& preemption : row.preempted)
        ImGui::TextDisabled("  %s", PreemptionText(preemption).c_str());
    ImGui::TableNextColumn();
    // The histogram: the row's share of the schedules run, with its count on the bar.
    char count[32];
    std::snprintf(count, sizeof count, "%lld", (long long)row.count);
    ImGui::ProgressBar(share, ImVec2(-FLT_MIN, 0), count);
    ImGui::TableNextColumn();
    ImGui::Text("%d", row.preemptions);
    ImGui::TableNextColumn();
    const bool shown = state.replayed == index;
    if (ImGui::SmallButton(Tr(shown ? Str::ExploreReplayAgain : Str::ExploreReplay)))
        state.replay_requested = index;
    if (index < (int)(sizeof kReplayNames / sizeof kReplayNames[0]))
        RecordItemRect(kReplayNames[index]);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(Tr(Str::ExploreReplayTip), row.schedule.empty() ? Tr(Str::ExploreOwnSchedule) : row.schedule.c_str());
    ImGui::PopID();
}

} // namespace

void ShowExploreWindow(bool* open, const ExploreView& view, ExploreWindowState& state) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(40 * em, 18 * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(WindowTitle(Str::TitleExplore), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Explore");
    ImGui::TextWrapped("%s", Tr(state.random ? Str::ExploreRandomIntro : Str::ExploreIntro));
    ImGui::Checkbox(Tr(Str::ExploreRandom), &state.random);
    RecordItemRect("explore/Random");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(10 * em);
    if (state.random) {
        ImGui::InputInt(Tr(Str::ExploreSchedules), &state.random_runs, 100, 1000);
        state.random_runs = std::clamp(state.random_runs, 1, 1000000);
    } else {
        ImGui::SliderInt(Tr(Str::ExplorePreemptions), &state.preemptions, 0, 4);
    }
    ImGui::SameLine();
    if (view.running) {
        if (ImGui::Button(Tr(Str::ExploreCancel)))
            state.cancel_requested = true;
        RecordItemRect("explore/Cancel");
    } else {
        if (ImGui::Button(Tr(Str::ExploreStart)))
            state.start_requested = true;
        RecordItemRect("explore/Explore");
    }
    ImGui::SameLine();
    if (ImGui::Button(Tr(Str::ExploreBeScheduler)))
        state.scheduler_requested = true;
    RecordItemRect("explore/Be the scheduler");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ExploreBeSchedulerTip));
    ImGui::ProgressBar(ExploreProgressFraction(view), ImVec2(-FLT_MIN, 0));
    ImGui::TextWrapped("%s", ExploreSummary(view).c_str());
    if (view.lab_cpus > 1 && (view.running || view.finished))
        ImGui::TextWrapped(Tr(Str::ExploreOneCpu), view.lab_cpus);
    if (!view.error.empty())
        ImGui::TextWrapped("%s", view.error.c_str());
    if (!view.rows.empty() &&
        ImGui::BeginTable("outcomes", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr(Str::ExploreOutcome), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(Tr(Str::ExploreSchedules), ImGuiTableColumnFlags_WidthFixed, 7 * em);
        ImGui::TableSetupColumn(Tr(Str::ExplorePreemptions), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(Tr(Str::ExploreWitness), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (int i = 0; i < (int)view.rows.size(); ++i)
            ShowOutcome(view.rows[i], ExploreRowShare(view, view.rows[i]), i, state);
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace ui
