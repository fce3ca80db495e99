// The Program window. It edits text and settings and draws the latest snapshot; the run itself
// happens on the engine's thread.
//
// Index: status words, toolbar (run controls), settings, source editor, output, keyboard.
#include "ui/program_window.h"

#include "ui/layout.h"

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"

const char* RunPhaseName(lab::RunPhase phase) {
    switch (phase) {
    case lab::RunPhase::Ready: return "ready";
    case lab::RunPhase::Playing: return "playing";
    case lab::RunPhase::Paused: return "paused";
    case lab::RunPhase::Finished: return "finished";
    case lab::RunPhase::Deadlock: return "deadlock";
    case lab::RunPhase::TimeLimit: return "time limit";
    case lab::RunPhase::Error: return "error";
    }
    return "";
}

namespace {

const char* PhaseText(lab::RunPhase phase) {
    switch (phase) {
    case lab::RunPhase::Ready: return "Ready: press Play or Step";
    case lab::RunPhase::Playing: return "Playing…";
    case lab::RunPhase::Paused: return "Paused";
    case lab::RunPhase::Finished: return "Finished";
    case lab::RunPhase::Deadlock: return "Deadlock: every thread waits";
    case lab::RunPhase::TimeLimit: return "Stopped at the time limit";
    case lab::RunPhase::Error: return "Does not compile";
    }
    return "";
}

ImVec4 PhaseColor(lab::RunPhase phase) {
    switch (phase) {
    case lab::RunPhase::Error:
    case lab::RunPhase::Deadlock: return ImVec4(1.0f, 0.45f, 0.4f, 1);
    case lab::RunPhase::Finished: return ImVec4(0.45f, 0.85f, 0.5f, 1);
    case lab::RunPhase::Playing: return ImVec4(1.0f, 0.8f, 0.35f, 1);
    default: return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    }
}

bool Runnable(const lab::LabSnapshot* snap) {
    return snap && (snap->phase == lab::RunPhase::Ready || snap->phase == lab::RunPhase::Paused ||
                    snap->phase == lab::RunPhase::Playing);
}

// The example a lesson name stands for ("race" -> race.py), or -1.
int LessonIndex(std::span<const EmbeddedFile> examples, const config::LabConfig& config) {
    for (int i = 0; i < (int)examples.size(); ++i)
        if (std::string_view(examples[i].name) == config.lesson + ".py")
            return i;
    return -1;
}

void ShowToolbar(ProgramWindowState& state, std::span<const EmbeddedFile> examples, const lab::LabSnapshot* snap) {
    config::LabConfig& config = state.config;
    const int current = LessonIndex(examples, config);
    std::string label = current >= 0 ? examples[current].name : config.lesson;
    if (!config.source.empty())
        label += " (edited)";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::BeginCombo("##example", label.c_str())) {
        for (int i = 0; i < (int)examples.size(); ++i) {
            if (ImGui::Selectable(examples[i].name, i == current && config.source.empty())) {
                std::string_view name = examples[i].name;
                config.lesson = std::string(name.substr(0, name.size() - 3)); // without ".py"
                config.source.clear();
                config.sliders.clear();
                state.load_requested = state.play_after_load = true;
            }
        }
        ImGui::EndCombo();
    }
    RecordItemRect("program/Example");

    ImGui::SameLine();
    if (ImGui::Button("Run"))
        state.load_requested = state.play_after_load = true;
    RecordItemRect("program/Run");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Compile the program and play it from the start (Ctrl+Enter)");

    const bool playing = snap && snap->phase == lab::RunPhase::Playing;
    ImGui::SameLine();
    ImGui::BeginDisabled(!Runnable(snap));
    if (ImGui::Button(playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 3.5f, 0))) {
        if (playing)
            state.pause_requested = true;
        else
            state.play_requested = true;
    }
    RecordItemRect("program/Play");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Play or pause the simulation (Space)");
    ImGui::SameLine();
    if (ImGui::Button("Step"))
        state.step_requested = true;
    RecordItemRect("program/Step");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Execute exactly one bytecode instruction (Right arrow)");
    ImGui::SameLine();
    if (ImGui::Button("Slice"))
        state.step_slice_requested = true;
    RecordItemRect("program/StepSlice");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Run until the next context switch, at most one time slice (Shift+Right arrow)");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Reset"))
        state.load_requested = true;
    RecordItemRect("program/Reset");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Back to the start of the run, paused (R)");

    lab::RunPhase phase = snap ? snap->phase : lab::RunPhase::Ready;
    ImGui::TextColored(PhaseColor(phase), "%s", PhaseText(phase));
    if (snap && snap->phase != lab::RunPhase::Error) {
        ImGui::SameLine();
        ImGui::TextDisabled("t = %.6f s, %lld instructions", snap->now / 1e9, (long long)snap->stats.instructions);
    }
}

void ShowSettings(ProgramWindowState& state) {
    config::LabConfig& config = state.config;
    const float width = ImGui::GetFontSize() * 7;
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    changed |= ImGui::SliderInt("CPUs", &config.cpus, int(config::kCpusRange.min), int(config::kCpusRange.max), "%d",
                                ImGuiSliderFlags_AlwaysClamp);
    RecordItemRect("program/CPUs");
    ImGui::SameLine();
    changed |= ImGui::Checkbox("GIL", &config.gil);
    RecordItemRect("program/GIL");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The global interpreter lock: one thread of a process executes bytecode at a time.\n"
                          "Off: free-threaded Python, threads of one process run in parallel.");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    int seed = int(uint32_t(config.seed));
    if (ImGui::InputInt("Seed", &seed)) {
        config.seed = uint32_t(seed);
        changed = true;
    }
    RecordItemRect("program/Seed");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    const double speed = std::pow(10.0, (double)state.speed_log10);
    char label[48];
    if (speed >= 1e9)
        std::snprintf(label, sizeof label, "%.3g s/s", speed / 1e9);
    else if (speed >= 1e6)
        std::snprintf(label, sizeof label, "%.3g ms/s", speed / 1e6);
    else
        std::snprintf(label, sizeof label, "%.3g µs/s", speed / 1e3);
    ImGui::SliderFloat("Speed", &state.speed_log10, 3.0f, 10.0f, label);
    RecordItemRect("program/Speed");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Simulated time per real second: from slow motion (a few instructions a second)\n"
                          "to ten simulated seconds a second");
    if (changed)
        state.load_requested = state.play_after_load = true;
}

void ShowOutput(const lab::LabSnapshot* snap) {
    ImGui::BeginChild("##output", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    RecordWindowRect("program/Output");
    if (snap) {
        ImGui::PushFont(GetCodeFont());
        const ImVec4 error_color = PhaseColor(lab::RunPhase::Error);
        // Only the lines in view are drawn: a chatty program has tens of thousands.
        ImGuiListClipper clipper;
        clipper.Begin((int)snap->output.size());
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const lab::OutputLineView& line = snap->output[(size_t)i];
                if (line.is_stderr)
                    ImGui::PushStyleColor(ImGuiCol_Text, error_color);
                ImGui::TextUnformatted(line.text.data(), line.text.data() + line.text.size());
                if (line.is_stderr)
                    ImGui::PopStyleColor();
            }
        }
        if (!snap->error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, error_color);
            ImGui::TextUnformatted(snap->error.data(), snap->error.data() + snap->error.size());
            ImGui::PopStyleColor();
        }
        ImGui::PopFont();
        if (snap->phase == lab::RunPhase::Playing && ImGui::GetScrollY() >= ImGui::GetScrollMaxY())
            ImGui::SetScrollHereY(1.0f);
    }
    ImGui::EndChild();
}

// Space, Right, Shift+Right and R act on the run, except while the user is typing.
void HandleShortcuts(ProgramWindowState& state, const lab::LabSnapshot* snap) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput)
        return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false) && Runnable(snap)) {
        if (snap->phase == lab::RunPhase::Playing)
            state.pause_requested = true;
        else
            state.play_requested = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) && Runnable(snap)) {
        if (io.KeyShift)
            state.step_slice_requested = true;
        else
            state.step_requested = true;
    }
    if (ImGui::IsKeyPressed('R', false) && !io.KeyCtrl)
        state.load_requested = true;
}

} // namespace

void ShowProgramWindow(bool* open, ProgramWindowState& state, std::span<const EmbeddedFile> examples,
                       const lab::LabSnapshot* snap) {
    HandleShortcuts(state, snap);
    SetNextWindowDefaultPlace(LabWindow::Program);
    if (!ImGui::Begin("Program", open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Program");
    ShowToolbar(state, examples, snap);
    ShowSettings(state);

    // Source on top, output below.
    const float output_height = ImGui::GetContentRegionAvail().y * 0.38f;
    ImGui::PushFont(GetCodeFont());
    ImVec2 editor_size(-FLT_MIN, ImGui::GetContentRegionAvail().y - output_height);
    // The editor shows the lesson's own text until the first edit makes it the config's source.
    std::string source(config::program_source(state.config));
    if (ImGui::InputTextMultiline("##source", &source, editor_size, ImGuiInputTextFlags_AllowTabInput))
        state.config.source = std::move(source);
    RecordItemRect("program/Source");
    if (ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        state.load_requested = state.play_after_load = true;
    ImGui::PopFont();

    ImGui::Separator();
    ImGui::TextDisabled("Output");
    ShowOutput(snap);
    ImGui::End();
}
