// The Output window: what the program printed and logged, each line with its moment on the
// simulated clock and a chip in its thread's colour. Clicking a line selects that thread and
// asks the Timeline to show the moment it was written.
#include <cfloat>

#include "imgui.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/lab_windows.h"
#include "ui/output_model.h"
#include "ui/palette.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/threads_model.h"

namespace ui {

void DrawOutputText(std::string_view text, OutputLook look, DrawnOutput& drawn) {
    if (drawn.frame != ImGui::GetFrameCount()) {
        drawn.frame = ImGui::GetFrameCount();
        drawn.lines.clear();
    }
    // Red only for error reports; other stderr output (logging's) gets a marker.
    if (look == OutputLook::Stderr) {
        ImGui::TextDisabled("\u203a ");
        ImGui::SameLine(0, 0);
    }
    const ImU32 color = look == OutputLook::Error ? ImGui::GetColorU32(ErrorColor()) : ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    if (drawn.lines.size() < DrawnOutput::kMaxLines)
        drawn.lines.push_back({std::string(text), look, color});
}

void ShowOutputWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, OutputWindowState& state) {
    const float em = ImGui::GetFontSize();
    SetNextWindowDefaultPlace(LabWindow::Output);
    ImGui::SetNextWindowSizeConstraints(ImVec2(20 * em, 6 * em), ImVec2(FLT_MAX, FLT_MAX));
    if (!ImGui::Begin(WindowTitle(Str::TitleOutput), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Output");
    const machine::ThreadId only = state.only_selected ? sel.thread : machine::kNoThread;
    ImGui::Checkbox(Tr(Str::OutputOnlySelected), &state.only_selected);
    ImGui::SameLine();
    ImGui::Checkbox(Tr(Str::CommonFollow), &state.follow);
    ImGui::SameLine();
    if (snap.output_first > 0)
        ImGui::TextDisabled(Tr(Str::OutputNewest), snap.output.size(),
                            (unsigned long long)snap.output_first);
    else
        ImGui::TextDisabled(Tr(Str::OutputLines), snap.output.size());

    ImGui::BeginChild("lines", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(GetCodeFont());
    const float chip = ImGui::GetTextLineHeight() * 0.35f;
    char stamp[32];
    OutputLookReader looks;
    // Filtering leaves gaps, so the clipper cannot skip by index; outputs are small enough
    // (the snapshot keeps a bounded tail) to walk every line.
    for (size_t i = 0; i < snap.output.size(); ++i) {
        const lab::OutputLineView& line = snap.output[i];
        const OutputLook look = looks.next(line);
        if (!OutputLineShown(line, only))
            continue;
        ImGui::PushID(int(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        if (ImGui::Selectable("##line", false, ImGuiSelectableFlags_AllowItemOverlap))
            SelectOutputLine(line, sel);
        if (ImGui::IsItemHovered()) {
            const lab::ThreadView* thread = FindThread(snap, line.thread);
            ImGui::SetTooltip(Tr(Str::OutputLineTip), thread ? thread->name.c_str() : Tr(Str::OutputTheMachine), line.is_stderr ? "stderr" : "stdout",
                              FormatOutputTimestamp(stamp, sizeof stamp, line.time));
        }
        RecordItemRect("output/line/last"); // the newest shown line: Follow keeps it in view
        ImGui::SameLine(0, 0);
        ImGui::SetCursorScreenPos(p);
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + chip, p.y + h * 0.5f), chip, ThreadColor(line.thread));
        ImGui::Dummy(ImVec2(chip * 3.0f, h));
        ImGui::SameLine(0, 0);
        ImGui::TextDisabled("%s ", FormatOutputTimestamp(stamp, sizeof stamp, line.time));
        ImGui::SameLine(0, 0);
        DrawOutputText(line.text, look, state.drawn);
        ImGui::PopID();
    }
    if (state.follow && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - ImGui::GetTextLineHeight())
        ImGui::SetScrollHereY(1.0f);
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::End();
}

} // namespace ui
