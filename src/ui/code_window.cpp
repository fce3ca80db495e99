// The Code window (the text region): the program's source with line numbers and one coloured
// marker per thread at the line it executes, and beside it the bytecode of one code object with
// each thread's current instruction highlighted. Hovering a marker names the thread and frame;
// clicking it selects the thread.
//
// Index:
//   Markers      the gutter: one chip per thread, side by side when they share a line
//   Source       line numbers, text, markers
//   Bytecode     one code object's instructions, markers
//   Window       ShowCodeWindow
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/lab_windows.h"
#include "ui/palette.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/threads_model.h"

namespace ui {

namespace {

// ---------------------------------------------------------------------------------------------
// Markers
// ---------------------------------------------------------------------------------------------

float MarkerWidth() { return ImGui::GetTextLineHeight() * 0.75f; }

int MostSlots(const std::vector<CodeMarker>& markers) {
    int most = 1;
    for (const CodeMarker& marker : markers)
        most = std::max(most, int(marker.slots));
    return most;
}

// Draws markers [first, last) as right-pointing arrows in their threads' colours from x, on the
// row at y; a hover shows which thread and frame, a click selects the thread.
void DrawMarkers(const lab::LabSnapshot& snap, const std::vector<CodeMarker>& markers, size_t first, size_t last,
                 float x, float y, LabSelection& sel) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float w = MarkerWidth(), h = ImGui::GetTextLineHeight();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (size_t i = first; i < last; ++i) {
        const CodeMarker& marker = markers[i];
        const float x0 = x + float(marker.slot) * w, x1 = x0 + w * 0.85f;
        const ImU32 color = ThreadColor(marker.thread);
        draw->AddTriangleFilled(ImVec2(x0, y + h * 0.15f), ImVec2(x1, y + h * 0.5f), ImVec2(x0, y + h * 0.85f), color);
        if (marker.thread == sel.thread)
            draw->AddTriangle(ImVec2(x0, y + h * 0.15f), ImVec2(x1, y + h * 0.5f), ImVec2(x0, y + h * 0.85f),
                              ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
        const bool hovered = ImGui::IsWindowHovered() && mouse.x >= x0 && mouse.x < x0 + w && mouse.y >= y &&
                             mouse.y < y + h;
        if (!hovered)
            continue;
        const lab::ThreadView* thread = FindThread(snap, marker.thread);
        if (thread && size_t(marker.frame) < thread->frames.size()) {
            const lab::FrameView& frame = thread->frames[size_t(marker.frame)];
            ImGui::SetTooltip(Tr(Str::CodeMarkerTip), thread->name.c_str(),
                              thread->id, ThreadStateCode(thread->state), frame.function.c_str(), frame.line, frame.ip,
                              thread->frames.size());
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
            sel.thread = marker.thread;
    }
}

// A band in the thread's colour behind the row where the selected thread stands.
void HighlightRow(float y, ImU32 color) {
    const ImVec2 min(ImGui::GetWindowPos().x, y);
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), y + ImGui::GetTextLineHeightWithSpacing());
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, WithAlpha(color, 0.22f));
}

// ---------------------------------------------------------------------------------------------
// Source
// ---------------------------------------------------------------------------------------------

void SourcePane(const lab::LabSnapshot& snap, LabSelection& sel, CodeWindowState& state) {
    const std::vector<std::string_view>& lines = state.lines;
    const lab::ThreadView* selected = FindThread(snap, sel.thread);
    const lab::FrameView* selected_frame = selected ? lab::program_frame(*selected) : nullptr;
    const int selected_line = selected_frame ? selected_frame->line : 0;
    const float gutter = float(MostSlots(state.line_markers)) * MarkerWidth() + ImGui::GetStyle().ItemSpacing.x;
    char number[16];
    ImGuiListClipper clipper;
    clipper.Begin(int(lines.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const int line = i + 1;
            const ImVec2 row = ImGui::GetCursorScreenPos();
            if (line == selected_line)
                HighlightRow(row.y, ThreadColor(sel.thread));
            size_t first = 0, last = 0;
            MarkersAt(state.line_markers, line, first, last);
            DrawMarkers(snap, state.line_markers, first, last, row.x, row.y, sel);
            ImGui::SetCursorScreenPos(ImVec2(row.x + gutter, row.y));
            std::snprintf(number, sizeof number, "%4d ", line);
            ImGui::TextDisabled("%s", number);
            ImGui::SameLine(0, 0);
            const std::string_view text = lines[size_t(i)];
            ImGui::TextUnformatted(text.data(), text.data() + text.size());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bytecode
// ---------------------------------------------------------------------------------------------

void BytecodePane(const lab::LabSnapshot& snap, const lab::CodeView& code, LabSelection& sel, CodeWindowState& state) {
    const float gutter = float(MostSlots(state.instruction_markers)) * MarkerWidth() + ImGui::GetStyle().ItemSpacing.x;
    const lab::ThreadView* selected = FindThread(snap, sel.thread);
    const lab::FrameView* selected_frame = selected ? lab::program_frame(*selected) : nullptr;
    const bool selected_here = selected_frame && selected_frame->code == code.id && selected->process == state.process;
    const int selected_ip = selected_here ? int(selected_frame->ip) : -1;
    ImGuiListClipper clipper;
    clipper.Begin(int(code.instructions.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const lab::Instruction& instruction = code.instructions[size_t(i)];
            const ImVec2 row = ImGui::GetCursorScreenPos();
            if (i == selected_ip)
                HighlightRow(row.y, ThreadColor(sel.thread));
            size_t first = 0, last = 0;
            MarkersAt(state.instruction_markers, i, first, last);
            DrawMarkers(snap, state.instruction_markers, first, last, row.x, row.y, sel);
            ImGui::SetCursorScreenPos(ImVec2(row.x + gutter, row.y));
            ImGui::TextDisabled("%4d %4d ", i, instruction.line);
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(instruction.text.c_str());
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Window
// ---------------------------------------------------------------------------------------------

void ShowCodeWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, CodeWindowState& state) {
    const float em = ImGui::GetFontSize();
    SetNextWindowDefaultPlace(LabWindow::Code);
    ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 10 * em), ImVec2(FLT_MAX, FLT_MAX));
    if (!ImGui::Begin(WindowTitle(Str::TitleCode), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Code");
    const lab::ProcessView* process = FindProcess(snap, state.process);
    if (!process && !snap.processes.empty()) {
        state.process = snap.processes.front().id;
        process = &snap.processes.front();
    }
    if (!process) {
        ImGui::TextDisabled("%s", Tr(Str::CodeNoProgram));
        ImGui::End();
        return;
    }

    // The selected thread's process and code object, unless the person picked another by hand.
    const lab::ThreadView* selected = FindThread(snap, sel.thread);
    if (state.follow_selection && selected) {
        state.process = selected->process;
        if (const lab::ProcessView* own = FindProcess(snap, selected->process))
            process = own;
        state.code = CodeOfThread(snap, state.process, sel.thread);
    }
    if (state.code >= process->codes.size())
        state.code = 0;

    if (snap.processes.size() > 1) {
        ImGui::SetNextItemWidth(12 * em);
        if (ImGui::BeginCombo("##process", process->name.c_str())) {
            for (const lab::ProcessView& p : snap.processes)
                if (ImGui::Selectable(p.name.c_str(), p.id == state.process)) {
                    state.process = p.id;
                    state.code = 0;
                    state.follow_selection = false;
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
    }
    ImGui::Checkbox(Tr(Str::CodeFollowSelected), &state.follow_selection);
    RecordItemRect("code/follow");

    SplitSourceLines(process->source, state.lines);
    PlaceLineMarkers(snap, state.process, state.line_markers);
    PlaceInstructionMarkers(snap, state.process, state.code, state.instruction_markers);

    const float source_width = ImGui::GetContentRegionAvail().x * 0.58f;
    ImGui::BeginChild("source", ImVec2(source_width, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(GetCodeFont());
    SourcePane(snap, sel, state);
    ImGui::PopFont();
    ImGui::EndChild();
    RecordItemRect("code/source");
    ImGui::SameLine();

    ImGui::BeginGroup();
    if (!process->codes.empty()) {
        const lab::CodeView& shown = process->codes[state.code];
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##code", shown.name.c_str())) {
            for (const lab::CodeView& code : process->codes)
                if (ImGui::Selectable(code.name.c_str(), code.id == state.code)) {
                    state.code = code.id;
                    state.follow_selection = false;
                }
            ImGui::EndCombo();
        }
        ImGui::BeginChild("bytecode", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
        ImGui::PushFont(GetCodeFont());
        BytecodePane(snap, shown, sel, state);
        ImGui::PopFont();
        ImGui::EndChild();
        RecordItemRect("code/bytecode");
    }
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace ui
