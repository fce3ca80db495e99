// The Threads / TCB window: a table of every thread (id, name, state, what it waits on, CPU,
// CPU time, daemon, priority) and, for the selected one, its thread control block: the saved
// context (frame and instruction), what it holds and waits for, and its stack with locals.
//
// Index:
//   Cells          state and wait chips with their explanations
//   Thread table   one selectable row per thread
//   TCB            the selected thread's control block and stack
//   Values, stacks the drawing the Address space window shares
//   Window         ShowThreadsWindow
//   State JSON     the panels' part of window.threadlab.state()
#include <algorithm>
#include <cfloat>
#include <cinttypes>
#include <cstdio>

#include "imgui.h"
#include "ui/json_text.h"
#include "ui/layout.h"
#include "ui/strings.h"
#include "ui/lab_windows.h"
#include "ui/palette.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/stack_model.h"
#include "ui/threads_model.h"
#include "ui/timeline_model.h"

namespace ui {

namespace {

// Test-hook names must outlive the frame (the hook keeps the pointer): rows past these are
// still drawn and clickable, only not reported.
constexpr const char* kRowNames[] = {
    "threads/row/0",  "threads/row/1",  "threads/row/2",  "threads/row/3",
    "threads/row/4",  "threads/row/5",  "threads/row/6",  "threads/row/7",
    "threads/row/8",  "threads/row/9",  "threads/row/10", "threads/row/11",
    "threads/row/12", "threads/row/13", "threads/row/14", "threads/row/15",
};
constexpr int kNamedRows = int(sizeof kRowNames / sizeof kRowNames[0]);
// The first threads' State cells, whose tooltip says what the state means.
constexpr const char* kStateCellNames[] = {"threads/state/0", "threads/state/1", "threads/state/2", "threads/state/3"};
constexpr int kNamedStateCells = int(sizeof kStateCellNames / sizeof kStateCellNames[0]);

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

ImU32 StateColor(const lab::ThreadView& thread) {
    switch (thread.state) {
    case machine::ThreadState::Running: return ThreadColor(thread.id);
    case machine::ThreadState::Ready: return ReadyColor();
    case machine::ThreadState::Blocked: return WaitColor(thread.wait);
    default: return ImGui::GetColorU32(ImGuiCol_TextDisabled);
    }
}

// A small filled square in `color`, as tall as the text, then the cursor on the same line.
void ColorChip(ImU32 color) {
    const float size = ImGui::GetTextLineHeight() * 0.7f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float pad = (ImGui::GetTextLineHeight() - size) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + size, p.y + pad + size),
                                              color, size * 0.2f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

void StateCell(const lab::ThreadView& thread) {
    ColorChip(StateColor(thread));
    ImGui::TextUnformatted(ThreadStateCode(thread.state));
    if (thread.id >= 0 && thread.id < kNamedStateCells)
        RecordItemRect(kStateCellNames[thread.id]);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s: %s", StateName(thread.state), ThreadStateExplanation(thread.state));
}

void WaitCell(const lab::ThreadView& thread) {
    if (thread.wait == machine::WaitKind::None)
        return;
    ImGui::BeginGroup();
    ImGui::TextUnformatted(WaitKindCode(thread.wait));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", thread.waiting_on.c_str());
    ImGui::EndGroup();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s: %s\n%s", WaitName(thread.wait), WaitKindExplanation(thread.wait),
                          thread.waiting_on.c_str());
}

// ---------------------------------------------------------------------------------------------
// Thread table
// ---------------------------------------------------------------------------------------------

// Steps `clipper` on to the next row to draw (in `row`); false once no more are in view.
bool NextRowInView(ImGuiListClipper& clipper, int& row) {
    while (row >= clipper.DisplayEnd) {
        if (!clipper.Step())
            return false;
        row = clipper.DisplayStart;
    }
    return true;
}

void ThreadTable(const lab::LabSnapshot& snap, LabSelection& sel, float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("threads", 8, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnId));
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnName), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnState));
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnWaiting), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("CPU");
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnCpuTime));
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnDaemon));
    ImGui::TableSetupColumn(Tr(Str::ThreadsColumnPriority));
    ImGui::TableHeadersRow();
    char buf[64];
    // Only the rows in view are drawn: a program may keep thousands of threads alive.
    ImGuiListClipper clipper;
    clipper.Begin(int(snap.threads.size()));
    for (int row = 0; NextRowInView(clipper, row); ++row) {
        const lab::ThreadView& thread = snap.threads[size_t(row)];
        ImGui::PushID(thread.id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ColorChip(ThreadColor(thread.id));
        std::snprintf(buf, sizeof buf, "%d", thread.id);
        if (ImGui::Selectable(buf, sel.thread == thread.id, ImGuiSelectableFlags_SpanAllColumns))
            sel.thread = thread.id;
        if (thread.id >= 0 && thread.id < kNamedRows)
            RecordItemRect(kRowNames[thread.id]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(thread.name.c_str());
        if (thread.is_main) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", Tr(Str::ThreadsMain));
        }
        ImGui::TableNextColumn();
        StateCell(thread);
        ImGui::TableNextColumn();
        WaitCell(thread);
        ImGui::TableNextColumn();
        if (thread.cpu >= 0)
            ImGui::Text("CPU %d", thread.cpu);
        else
            ImGui::TextDisabled("-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(FormatDuration(buf, sizeof buf, thread.cpu_time));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Tr(thread.daemon ? Str::CommonYes : Str::CommonNo));
        ImGui::TableNextColumn();
        ImGui::Text("%d", thread.priority);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// ---------------------------------------------------------------------------------------------
// TCB
// ---------------------------------------------------------------------------------------------

void TcbField(const char* label, const char* value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value);
}

void ShowTcb(const lab::ThreadView& thread, LabSelection& sel, bool internals) {
    char buf[160];
    ColorChip(ThreadColor(thread.id));
    ImGui::Text(Tr(Str::TcbOf), thread.name.c_str(), thread.id, thread.process);
    if (!ImGui::BeginTable("tcb", 2, ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    std::snprintf(buf, sizeof buf, "%s  (%s)", ThreadStateCode(thread.state), StateName(thread.state));
    TcbField(Tr(Str::TcbState), buf);
    if (thread.frames.empty()) {
        TcbField(Tr(Str::TcbSavedContext), Tr(thread.state == machine::ThreadState::New ? Str::TcbNotStarted : Str::TcbNoFrames));
    } else {
        const SavedContext saved = SavedContextOf(thread, internals);
        const lab::FrameView* call = saved.instruction;
        if (saved.frame->builtin && call)
            std::snprintf(buf, sizeof buf, Tr(Str::StackSavedBuiltin), saved.frame->function.c_str(),
                          call->function.c_str(), call->line);
        else
            std::snprintf(buf, sizeof buf, Tr(Str::TcbFrameAtLine), saved.frame->function.c_str(), saved.frame->line);
        TcbField(Tr(Str::TcbSavedContext), buf);
        if (!call)
            std::snprintf(buf, sizeof buf, "?");
        else if (call != saved.frame)
            std::snprintf(buf, sizeof buf, Tr(Str::StackInstructionOfCall), call->ip, call->instruction.c_str(),
                          call->function.c_str());
        else
            std::snprintf(buf, sizeof buf, "%u: %s", call->ip, call->instruction.c_str());
        TcbField(Tr(Str::TcbInstruction), buf);
    }
    std::snprintf(buf, sizeof buf, Tr(thread.frames.size() == 1 ? Str::TcbFramesOne : Str::TcbFramesMany),
                  thread.frames.size());
    TcbField(Tr(Str::TcbStackDepth), buf);
    if (thread.wait != machine::WaitKind::None) {
        std::snprintf(buf, sizeof buf, "%s: %s", WaitKindCode(thread.wait), thread.waiting_on.c_str());
        TcbField(Tr(Str::TcbWaitsFor), buf);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", WaitKindExplanation(thread.wait));
    }
    for (const std::string& held : thread.holds)
        TcbField(Tr(Str::TcbHolds), held.c_str());
    TcbField("GIL", Tr(thread.holds_gil ? Str::TcbHoldsGil : Str::TcbNoGil));
    if (thread.cpu >= 0)
        std::snprintf(buf, sizeof buf, Tr(Str::TcbRunningOn), thread.cpu);
    else if (thread.last_cpu >= 0)
        std::snprintf(buf, sizeof buf, Tr(Str::TcbLastRanOn), thread.last_cpu);
    else
        std::snprintf(buf, sizeof buf, "%s", Tr(Str::TcbNotRunYet));
    TcbField("CPU", buf);
    char time[32];
    std::snprintf(buf, sizeof buf, Tr(Str::TcbAccountingValue), FormatDuration(time, sizeof time, thread.cpu_time),
                  (long long)thread.instructions, (long long)thread.context_switches);
    TcbField(Tr(Str::TcbAccounting), buf);
    std::snprintf(buf, sizeof buf, "%d%s", thread.priority, thread.daemon ? Tr(Str::TcbDaemonSuffix) : "");
    TcbField(Tr(Str::TcbPriority), buf);
    ImGui::EndTable();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Tr(Str::TcbStack));
    ShowStackFrames(thread, sel, internals);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Values and stacks (shared with the Address space window)
// ---------------------------------------------------------------------------------------------

void ShowVariableValue(const lab::Variable& variable, LabSelection& sel) {
    const char* repr = variable.value.repr.c_str();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(repr);
    if (variable.changed) // flashes for the snapshot that changed it
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y),
                                                  ImGui::GetColorU32(ImGuiCol_PlotHistogram, 0.28f));
    const uint32_t object = variable.value.object;
    if (object == lab::kNoObject) {
        ImGui::TextUnformatted(repr);
        return;
    }
    // A heap object reads like a link: underlined, and a click picks it in the heap list.
    ImGui::TextUnformatted(repr);
    const ImU32 line = ImGui::GetColorU32(object == sel.heap_object ? ImGuiCol_Text : ImGuiCol_TextDisabled);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + size.y), ImVec2(p.x + size.x, p.y + size.y), line);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(Tr(Str::ValueObjectTip), variable.value.type.c_str(), object);
    if (ImGui::IsItemClicked())
        sel.heap_object = object;
}

// A frame's heading: a built-in call has no line of its own; the lab's own frames say their file.
void FrameHeading(const lab::FrameView& frame, char* buf, size_t size) {
    if (frame.builtin)
        std::snprintf(buf, size, Tr(Str::StackBuiltinFrame), frame.function.c_str());
    else if (frame.code == lab::kNoCode)
        std::snprintf(buf, size, Tr(Str::StackInternalFrame), frame.function.c_str(), frame.filename.c_str(), frame.line,
                      frame.ip);
    else
        std::snprintf(buf, size, Tr(Str::FrameHeading), frame.function.c_str(), frame.line, frame.ip);
}

void ShowStackFrames(const lab::ThreadView& thread, LabSelection& sel, bool internals) {
    // The running frame first: the top of the stack is what the person looks for.
    const std::vector<const lab::FrameView*> frames = ShownFrames(thread, internals);
    for (size_t i = frames.size(); i-- > 0;) {
        const lab::FrameView& frame = *frames[i];
        ImGui::PushID(int(i));
        const ImGuiTreeNodeFlags flags = i + 1 == frames.size() ? ImGuiTreeNodeFlags_DefaultOpen : 0;
        char heading[256];
        FrameHeading(frame, heading, sizeof heading);
        if (ImGui::TreeNodeEx("frame", flags, "%s", heading)) {
            if (frame.locals.empty())
                ImGui::TextDisabled("%s", Tr(Str::FrameNoLocals));
            ImGui::PushFont(GetCodeFont());
            for (const lab::Variable& local : frame.locals) {
                ImGui::TextUnformatted(local.name.c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s =", local.value.type.c_str());
                ImGui::SameLine();
                ShowVariableValue(local, sel);
            }
            ImGui::PopFont();
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

// ---------------------------------------------------------------------------------------------
// Window
// ---------------------------------------------------------------------------------------------

void ShowThreadsWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, ThreadsWindowState& state) {
    const float em = ImGui::GetFontSize();
    SetNextWindowDefaultPlace(LabWindow::Threads);
    ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 12 * em), ImVec2(FLT_MAX, FLT_MAX));
    state.tcb_shown = machine::kNoThread;
    if (!ImGui::Begin(WindowTitle(Str::TitleThreads), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Threads");
    if (snap.threads.empty()) {
        ImGui::TextDisabled("%s", Tr(Str::ThreadsNone));
        ImGui::End();
        return;
    }
    // Finished threads pile up in a program that starts thousands: the snapshot keeps the newest.
    if (snap.threads_not_shown > 0) {
        ImGui::TextDisabled(Tr(Str::ThreadsNotShown), (unsigned long long)snap.threads_not_shown);
        RecordItemRect("threads/NotShown");
    }
    // The table takes what its rows need, up to half the window; the TCB gets the rest.
    const float row = ImGui::GetFrameHeight();
    const float wanted = row * float(snap.threads.size() + 1) + ImGui::GetStyle().ItemSpacing.y;
    ThreadTable(snap, sel, std::min(wanted, ImGui::GetContentRegionAvail().y * 0.5f));
    ImGui::Separator();
    if (const lab::ThreadView* thread = FindThread(snap, sel.thread)) {
        ImGui::BeginChild("tcb");
        ImGui::Checkbox(Tr(Str::StackShowInternals), &state.show_internals);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(Tr(Str::StackShowInternalsTip));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        RecordItemRect("threads/internals");
        ShowTcb(*thread, sel, state.show_internals);
        ImGui::EndChild();
        state.tcb_shown = thread->id;
    } else {
        ImGui::TextDisabled("%s", Tr(Str::ThreadsClickHint));
    }
    ImGui::End();
}

// ---------------------------------------------------------------------------------------------
// State JSON
// ---------------------------------------------------------------------------------------------

void AppendLabPanelsStateJson(std::string& out, const lab::LabSnapshot& snap, const LabSelection& sel,
                              const ThreadsWindowState& threads) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "{\"selectedThread\":%d,\"tcbShown\":%d,\"timelineRequest\":%" PRId64
                  ",\"threads\":[", sel.thread, threads.tcb_shown, sel.timeline_time);
    out += buf;
    for (const lab::ThreadView& thread : snap.threads) {
        const lab::FrameView* top = thread.frames.empty() ? nullptr : &thread.frames.back();
        std::snprintf(buf, sizeof buf,
                      "%s{\"id\":%d,\"state\":\"%s\",\"wait\":\"%s\",\"cpu\":%d,\"depth\":%zu,\"line\":%d,\"ip\":%d}",
                      thread.id == snap.threads.front().id ? "" : ",", thread.id, ThreadStateCode(thread.state),
                      WaitKindCode(thread.wait), thread.cpu, thread.frames.size(), top ? top->line : 0,
                      top ? int(top->ip) : -1);
        out += buf;
    }
    out += ']';
    // The TCB on screen, as it reads: its saved context and its stack, running frame first.
    if (const lab::ThreadView* shown = FindThread(snap, threads.tcb_shown)) {
        const SavedContext saved = SavedContextOf(*shown, threads.show_internals);
        out += threads.show_internals ? ",\"tcb\":{\"internals\":true" : ",\"tcb\":{\"internals\":false";
        if (saved.frame) {
            out += ",\"frame\":";
            AppendJsonText(out, saved.frame->function);
            std::snprintf(buf, sizeof buf, ",\"builtin\":%s", saved.frame->builtin ? "true" : "false");
            out += buf;
        }
        if (saved.instruction) {
            out += ",\"instructionFrame\":";
            AppendJsonText(out, saved.instruction->function);
            std::snprintf(buf, sizeof buf, ",\"line\":%d,\"ip\":%u,\"instruction\":", saved.instruction->line,
                          saved.instruction->ip);
            out += buf;
            AppendJsonText(out, saved.instruction->instruction);
        }
        out += ",\"stack\":[";
        const std::vector<const lab::FrameView*> frames = ShownFrames(*shown, threads.show_internals);
        for (size_t i = frames.size(); i-- > 0;) {
            out += i + 1 == frames.size() ? "" : ",";
            AppendJsonText(out, frames[i]->function);
        }
        out += "]}";
    }
    out += '}';
}

} // namespace ui
