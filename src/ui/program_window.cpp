// The Program window: pick an example or paste a program, run it, read its output. The run
// itself happens on the engine's thread; this window only edits text and draws the snapshot.
#include <cstring>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/program_window.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"

namespace {

const char* StatusText(RunStatus status) {
    switch (status) {
    case RunStatus::Idle: return "Not run yet";
    case RunStatus::Running: return "Running…";
    case RunStatus::Finished: return "Finished";
    case RunStatus::Failed: return "Stopped with an error";
    case RunStatus::Stopped: return "Stopped";
    }
    return "";
}

ImVec4 StatusColor(RunStatus status) {
    switch (status) {
    case RunStatus::Failed: return ImVec4(1.0f, 0.45f, 0.4f, 1);
    case RunStatus::Finished: return ImVec4(0.45f, 0.85f, 0.5f, 1);
    case RunStatus::Running: return ImVec4(1.0f, 0.8f, 0.35f, 1);
    default: return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    }
}

void ShowExamplePicker(ProgramWindowState& state, std::span<const EmbeddedFile> examples) {
    const char* current = state.example_index >= 0 ? examples[state.example_index].name : "(edited)";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("Example", current)) {
        for (int i = 0; i < (int)examples.size(); ++i) {
            if (ImGui::Selectable(examples[i].name, i == state.example_index)) {
                state.example_index = i;
                state.source = examples[i].text;
                state.run_requested = true;
            }
        }
        ImGui::EndCombo();
    }
    RecordItemRect("program/Example");
}

} // namespace

void ShowProgramWindow(bool* open, ProgramWindowState& state, std::span<const EmbeddedFile> examples,
                       const ProgramRunSnapshot* run) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Below the main menu bar (its height, not WorkPos: on the first frame WorkPos does not yet
    // know about the bar).
    const float margin = ImGui::GetStyle().WindowPadding.x;
    const float top = viewport->Pos.y + ImGui::GetFrameHeight() + margin;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + margin, top), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x * 0.6f, viewport->Pos.y + viewport->Size.y - top - margin),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Program", open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Program");
    const bool running = run && run->status == RunStatus::Running;

    ShowExamplePicker(state, examples);
    ImGui::SameLine();
    if (ImGui::Button("Run"))
        state.run_requested = true;
    RecordItemRect("program/Run");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Compile and run the program (Ctrl+Enter)");
    ImGui::SameLine();
    ImGui::BeginDisabled(!running);
    if (ImGui::Button("Stop"))
        state.stop_requested = true;
    RecordItemRect("program/Stop");
    ImGui::EndDisabled();
    ImGui::SameLine();
    RunStatus status = run ? run->status : RunStatus::Idle;
    ImGui::TextColored(StatusColor(status), "%s", StatusText(status));
    if (run && run->instructions > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("%llu instructions", (unsigned long long)run->instructions);
    }

    // Source and output share the window: source on top, output below.
    const float output_height = ImGui::GetContentRegionAvail().y * 0.38f;
    ImGui::PushFont(GetCodeFont());
    ImVec2 editor_size(-FLT_MIN, ImGui::GetContentRegionAvail().y - output_height);
    if (ImGui::InputTextMultiline("##source", &state.source, editor_size, ImGuiInputTextFlags_AllowTabInput))
        state.example_index = -1;
    RecordItemRect("program/Source");
    if (ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        state.run_requested = true;
    ImGui::PopFont();

    ImGui::Separator();
    ImGui::TextDisabled("Output");
    ImGui::BeginChild("##output", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    RecordWindowRect("program/Output");
    ImGui::PushFont(GetCodeFont());
    if (run) {
        if (!run->output.empty())
            ImGui::TextUnformatted(run->output.data(), run->output.data() + run->output.size());
        if (!run->error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, StatusColor(RunStatus::Failed));
            ImGui::TextUnformatted(run->error.data(), run->error.data() + run->error.size());
            ImGui::PopStyleColor();
        }
        if (running && ImGui::GetScrollY() >= ImGui::GetScrollMaxY())
            ImGui::SetScrollHereY(1.0f);
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::End();
}
