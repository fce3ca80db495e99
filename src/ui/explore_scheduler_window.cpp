// "You are the scheduler": the lab's run waits at every decision (a point where another thread
// could run and it matters) and the user picks who runs next: a button per thread, the digit
// keys 1-9, or a click on the thread's lane in the Timeline. Undo takes back the last pick (the
// app replays the run from its start); a goal says what to aim for, and the window says when
// the run reaches it. The picks are a schedule like any other: Share carries it.
#include <cstdio>

#include "imgui.h"
#include "ui/explore_window.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"
#include "ui/threads_model.h"

namespace ui {

namespace {

// Test-hook names of the first threads' pick buttons (RecordItemRect keeps the pointer).
constexpr const char* kPickNames[] = {"scheduler/Pick 1", "scheduler/Pick 2", "scheduler/Pick 3",
                                      "scheduler/Pick 4", "scheduler/Pick 5", "scheduler/Pick 6",
                                      "scheduler/Pick 7", "scheduler/Pick 8", "scheduler/Pick 9"};
constexpr int kDigitKeys = 9;

const char* ThreadName(const lab::LabSnapshot& snap, int32_t thread) {
    const lab::ThreadView* view = FindThread(snap, thread);
    return view ? view->name.c_str() : Tr(Str::SchedulerAThread);
}

void ShowGoal(SchedulerWindowState& state) {
    const float em = ImGui::GetFontSize();
    const char* const kGoals[] = {Tr(Str::SchedulerGoalFailure), Tr(Str::SchedulerGoalDeadlock),
                                  Tr(Str::SchedulerGoalOutput)};
    static_assert(sizeof kGoals / sizeof kGoals[0] == (size_t)SchedulerGoal::Count);
    ImGui::SetNextItemWidth(11 * em);
    ImGui::Combo("##goal", &state.goal, kGoals, (int)SchedulerGoal::Count);
    RecordItemRect("scheduler/Goal");
    if (state.goal == (int)SchedulerGoal::Output) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(10 * em);
        ImGui::InputText("##goal text", state.goal_text, sizeof state.goal_text);
        RecordItemRect("scheduler/Goal text");
    }
}

void ShowDecision(const lab::LabSnapshot& snap, SchedulerWindowState& state) {
    const lab::DecisionView& d = snap.decision;
    ImGui::Text(Tr(Str::SchedulerBefore), (long long)d.step);
    if (d.fresh)
        ImGui::TextDisabled("%s", Tr(Str::SchedulerFresh));
    for (size_t i = 0; i < d.threads.size(); ++i) {
        const int32_t t = d.threads[i];
        char label[160];
        std::snprintf(label, sizeof label, "%zu  %s%s", i + 1, ThreadName(snap, t),
                      t == d.current ? Tr(Str::SchedulerKeepsRunning) : "");
        ImGui::PushID((int)i);
        if (ImGui::Button(label))
            state.pick_requested = t;
        if (i < (size_t)kDigitKeys)
            RecordItemRect(kPickNames[i]);
        ImGui::SameLine();
        ImGui::TextDisabled(Tr(Str::SchedulerNext), i < d.next.size() ? InstructionText(d.next[i]).c_str() : "");
        ImGui::PopID();
    }
    // Digits 1-9 pick too, unless a text field has the keyboard. ImGui 1.86 names no digit
    // keys: the GLFW backend indexes KeysDown by GLFW key codes, which are ASCII for digits.
    if (!ImGui::GetIO().WantTextInput)
        for (int digit = 1; digit <= kDigitKeys; ++digit)
            if (ImGui::IsKeyPressed('0' + digit, false))
                if (int32_t t = SchedulerThreadForKey(d, digit); t >= 0)
                    state.pick_requested = t;
}

} // namespace

void ShowSchedulerWindow(bool* open, const lab::LabSnapshot* snap, SchedulerWindowState& state) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.55f), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(36 * em, 16 * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(WindowTitle(Str::TitleScheduler), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Scheduler");
    ImGui::TextWrapped("%s", Tr(Str::SchedulerIntro));
    ImGui::TextUnformatted(Tr(Str::SchedulerGoal));
    ImGui::SameLine();
    ShowGoal(state);
    if (ImGui::Button(Tr(state.active ? Str::SchedulerStartOver : Str::SchedulerStart)))
        state.start_requested = true;
    RecordItemRect("scheduler/Start");
    ImGui::SameLine();
    ImGui::BeginDisabled(state.picks.empty());
    if (ImGui::Button(Tr(Str::SchedulerUndo)))
        state.undo_requested = true;
    RecordItemRect("scheduler/Undo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool waiting = state.active && snap && snap->decision.waiting;
    ImGui::BeginDisabled(!waiting);
    if (ImGui::Button(Tr(Str::SchedulerFinish)))
        state.finish_requested = true;
    RecordItemRect("scheduler/Finish");
    ImGui::EndDisabled();
    if (!state.active) {
        ImGui::End();
        return;
    }
    ImGui::Text(Tr(Str::SchedulerCounts), state.picks.size(), SchedulerSwitches(state.picks),
                SchedulerPreemptions(state.picks));
    const SchedulerGoal goal = (SchedulerGoal)state.goal;
    if (snap && SchedulerGoalReached(goal, state.goal_text, *snap))
        ImGui::TextColored(ImVec4(0.4f, 0.9f, 0.45f, 1.0f), Tr(Str::SchedulerReached),
                           SchedulerGoalLabel(goal, state.goal_text).c_str(), SchedulerPreemptions(state.picks));
    else if (waiting)
        ShowDecision(*snap, state);
    else if (snap && (snap->phase == lab::RunPhase::Finished || snap->phase == lab::RunPhase::Deadlock))
        ImGui::TextWrapped(Tr(Str::SchedulerMissed),
                           SchedulerGoalLabel(goal, state.goal_text).c_str());
    else
        ImGui::TextDisabled("%s", Tr(Str::SchedulerRunning));
    ImGui::End();
}

} // namespace ui
