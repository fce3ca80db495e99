// The Program window. It edits text and settings and draws the latest snapshot; the run itself
// happens on the engine's thread.
//
// Index: status words, toolbar (run controls), settings, source editor, output, keyboard.
#include "ui/program_window.h"
#include "ui/strings.h"

#include "ui/layout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/test_hooks.h"
#include "ui/theme.h"
#include "ui/timeline_model.h"

namespace ui {

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

// The run budget's pause, in plain words, with the way on.
void ShowBudgetNotice(const lab::LabSnapshot& snap, ProgramWindowState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.35f, 1));
    ImGui::TextWrapped("Paused after %lld million instructions (%.3f s of simulated time): this program may never end, "
                       "so the lab stopped it rather than let it run on in the background.",
                       (long long)(snap.budget_instructions / 1000000), snap.now / 1e9);
    ImGui::PopStyleColor();
    RecordItemRect("program/BudgetNotice");
    if (ImGui::Button("Continue"))
        state.play_requested = true;
    RecordItemRect("program/Continue");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Run %lld million instructions more", (long long)(lab::kRunBudgetInstructions / 1000000));
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
    for (int i = 0; i < (int)examples.size(); ++i) {
        const std::string_view name = examples[i].name;
        if (name.size() == config.lesson.size() + 3 && name.starts_with(config.lesson) && name.ends_with(".py"))
            return i;
    }
    return -1;
}

void ShowToolbar(ProgramWindowState& state, std::span<const EmbeddedFile> examples, const lab::LabSnapshot* snap) {
    config::LabConfig& config = state.config;
    const int current = LessonIndex(examples, config);
    char label[96];
    std::snprintf(label, sizeof label, "%s%s", current >= 0 ? examples[current].name : config.lesson.c_str(),
                  config.source.empty() ? "" : " (edited)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    if (ImGui::BeginCombo("##example", label)) {
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
    // Beside the run controls if the window is wide enough, else below them: never cut off.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float share_right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + ImGui::CalcTextSize("Share").x +
                              2 * style.FramePadding.x;
    if (share_right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
    if (ImGui::Button("Share"))
        state.share_requested = true;
    RecordItemRect("program/Share");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Copy a link that opens this very run, at this moment, to anyone (Ctrl+S)");

    lab::RunPhase phase = snap ? snap->phase : lab::RunPhase::Ready;
    ImGui::TextColored(PhaseColor(phase), "%s", PhaseText(phase));
    if (snap && snap->phase != lab::RunPhase::Error) {
        ImGui::SameLine();
        ImGui::TextDisabled("t = %.6f s, %lld instructions", snap->now / 1e9, (long long)snap->stats.instructions);
        if (snap->trace_full) {
            ImGui::SameLine();
            ImGui::TextDisabled("(timeline full)");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("The timeline keeps the first %llu events of a run, so a long run cannot use up\n"
                                  "the page's memory; the run itself goes on. Reset to record from the start again.",
                                  (unsigned long long)snap->trace_events);
        }
    }
    if (snap && snap->budget_paused && snap->phase == lab::RunPhase::Paused)
        ShowBudgetNotice(*snap, state);
    if (snap && !snap->compile_error.empty()) {
        const ImVec4 error_color = PhaseColor(lab::RunPhase::Error);
        ImGui::TextColored(error_color, "Line %d does not compile; the previous program goes on running:",
                           snap->error_line);
        ImGui::PushFont(GetCodeFont());
        ImGui::PushStyleColor(ImGuiCol_Text, error_color);
        ImGui::TextUnformatted(snap->compile_error.data(), snap->compile_error.data() + snap->compile_error.size());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        RecordItemRect("program/CompileError");
    }
}

// Settings flow in rows: each goes beside the previous one if it fits in the window.
struct SettingsRow {
    bool first = true;
    // Places the next setting: a widget `width` wide with its label on the right.
    void next(const char* label, float width) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float whole = width + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
        const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + whole;
        if (!first && right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
        first = false;
        ImGui::SetNextItemWidth(width);
    }
};

void Tooltip(const char* text) {
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", text);
}

// Two significant digits, so that round values (5 ms, 100 µs) can be hit with the mouse.
machine::SimTime RoundDuration(double ns) {
    if (ns < 10)
        return machine::SimTime(std::lround(ns));
    const double scale = std::pow(10.0, std::floor(std::log10(ns)) - 1);
    return machine::SimTime(std::lround(ns / scale) * scale);
}

// A duration on a log scale, shown in the unit it reaches. A range from 0 has 0 at its left end.
bool DurationSlider(SettingsRow& row, const char* label, const char* item, machine::SimTime& value, config::Range range,
                    const char* tooltip) {
    const float lowest = float(std::log10(double(std::max<machine::SimTime>(range.min, 10))));
    float position = float(std::log10(double(std::max<machine::SimTime>(value, 1))));
    char text[32];
    FormatDuration(text, sizeof text, value);
    row.next(label, ImGui::GetFontSize() * 7);
    const bool moved = ImGui::SliderFloat(label, &position, lowest, float(std::log10(double(range.max))), text,
                                          ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_AlwaysClamp);
    RecordItemRect(item);
    Tooltip(tooltip);
    if (!moved)
        return false;
    machine::SimTime wanted = range.min == 0 && position <= lowest ? 0 : RoundDuration(std::pow(10.0, double(position)));
    wanted = std::clamp(wanted, range.min, range.max);
    if (wanted == value)
        return false;
    value = wanted;
    return true;
}

const char* PolicyText(machine::Policy policy) {
    switch (policy) {
    case machine::Policy::RoundRobin: return "Round robin";
    case machine::Policy::Fifo: return "FIFO";
    case machine::Policy::Priority: return "Priority";
    case machine::Policy::Mlfq: return "MLFQ";
    }
    return "";
}

bool PolicyCombo(SettingsRow& row, machine::Policy& policy) {
    // Test hook names are string literals; in the enum's order.
    static const char* const kItemNames[] = {"program/Policy/rr", "program/Policy/fifo", "program/Policy/priority",
                                             "program/Policy/mlfq"};
    bool changed = false;
    row.next("Policy", ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("Policy", PolicyText(policy))) {
        for (machine::Policy p : {machine::Policy::RoundRobin, machine::Policy::Fifo, machine::Policy::Priority, machine::Policy::Mlfq}) {
            if (ImGui::Selectable(PolicyText(p), p == policy) && p != policy) {
                policy = p;
                changed = true;
            }
            RecordItemRect(kItemNames[int(p)]);
        }
        ImGui::EndCombo();
    }
    RecordItemRect("program/Policy");
    Tooltip("How the OS picks the next thread for a CPU:\n"
            "Round robin: each runs for one time slice, then the next in line.\n"
            "FIFO: each runs until it blocks or ends.\n"
            "Priority: the highest priority ready thread runs, preempting lower ones.\n"
            "MLFQ: threads that use whole slices sink to lower levels with longer slices.");
    return changed;
}

bool MachineSettings(SettingsRow& row, config::LabConfig& config) {
    const float width = ImGui::GetFontSize() * 7;
    bool changed = false;
    row.next("CPUs", width);
    changed |= ImGui::SliderInt("CPUs", &config.cpus, int(config::kCpusRange.min), int(config::kCpusRange.max), "%d",
                                ImGuiSliderFlags_AlwaysClamp);
    RecordItemRect("program/CPUs");
    Tooltip("How many CPUs the simulated machine has.");
    row.next("GIL", ImGui::GetFrameHeight());
    changed |= ImGui::Checkbox("GIL", &config.gil);
    RecordItemRect("program/GIL");
    Tooltip("The global interpreter lock: one thread of a process executes bytecode at a time.\n"
            "Off: free-threaded Python, threads of one process run in parallel.");
    changed |= PolicyCombo(row, config.policy);
    changed |= DurationSlider(row, "Time slice", "program/Slice", config.slice, config::kSliceRange,
                              "How long the OS lets a thread run on a CPU before it may give the CPU\n"
                              "to another ready thread.");
    changed |= DurationSlider(row, "GIL interval", "program/SwitchInterval", config.switch_interval,
                              config::kSwitchIntervalRange,
                              "How long a thread may hold the GIL while another waits for it before it\n"
                              "is asked to let go (Python's sys.setswitchinterval, 5 ms by default).");
    changed |= DurationSlider(row, "Bytecode cost", "program/BytecodeCost", config.bytecode_cost,
                              config::kBytecodeCostRange,
                              "How long one bytecode instruction takes on a CPU: a slower or faster machine.");
    changed |= DurationSlider(row, "Switch cost", "program/ContextSwitchCost", config.context_switch_cost,
                              config::kContextSwitchCostRange,
                              "What a context switch costs: the CPU time lost each time a thread is put on a CPU.");
    row.next("Seed", width);
    int seed = int(uint32_t(config.seed));
    if (ImGui::InputInt("Seed", &seed)) {
        config.seed = uint32_t(seed);
        changed = true;
    }
    RecordItemRect("program/Seed");
    Tooltip("Every random choice of the run (I/O latencies, the random module) follows from this number:\n"
            "the same seed gives the same run.");
    return changed;
}

// The program's own `# slider:` constants; a moved one is run with its new value written in.
bool ProgramSliders(SettingsRow& row, ProgramWindowState& state) {
    // Test hook names are string literals: the program's sliders by their order in it.
    static const char* const kItemNames[] = {"program/slider/0", "program/slider/1", "program/slider/2",
                                             "program/slider/3", "program/slider/4", "program/slider/5",
                                             "program/slider/6", "program/slider/7"};
    config::LabConfig& config = state.config;
    const std::string_view source = config::program_source(config);
    if (source != state.sliders_source) {
        state.sliders_source.assign(source);
        state.sliders = config::find_sliders(source);
    }
    const std::vector<config::ProgramSlider>& sliders = state.sliders;
    bool changed = false;
    for (size_t i = 0; i < sliders.size(); ++i) {
        const config::ProgramSlider& slider = sliders[i];
        auto set = config.sliders.find(slider.name);
        int64_t value = set != config.sliders.end() ? set->second : slider.value;
        // A wide range such as 1000..2000000 is only usable on a log scale.
        const bool wide = slider.min > 0 && slider.max / slider.min >= 100;
        row.next(slider.name.c_str(), ImGui::GetFontSize() * 7);
        if (ImGui::SliderScalar(slider.name.c_str(), ImGuiDataType_S64, &value, &slider.min, &slider.max, "%lld",
                                ImGuiSliderFlags_AlwaysClamp | (wide ? ImGuiSliderFlags_Logarithmic : 0))) {
            config.sliders[slider.name] = value;
            changed = true;
        }
        if (i < std::size(kItemNames))
            RecordItemRect(kItemNames[i]);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The program's %s (line %d): the run restarts with %s = %lld.", slider.name.c_str(),
                              slider.line, slider.name.c_str(), (long long)value);
    }
    return changed;
}

void SpeedSlider(SettingsRow& row, float& speed_log10) {
    char label[48];
    FormatDuration(label, sizeof label, machine::SimTime(std::pow(10.0, double(speed_log10))));
    std::strncat(label, "/s", sizeof label - std::strlen(label) - 1);
    row.next("Speed", ImGui::GetFontSize() * 7);
    ImGui::SliderFloat("Speed", &speed_log10, 3.0f, 10.0f, label); // lab_session.h's kMinSpeed..kMaxSpeed
    RecordItemRect("program/Speed");
    Tooltip("Simulated time per real second: from slow motion (a few instructions a second)\n"
            "to ten simulated seconds a second");
}

// A changed setting restarts the run at once, playing on unless the user had paused or stepped.
void ShowSettings(ProgramWindowState& state, const lab::LabSnapshot* snap) {
    SettingsRow row;
    SpeedSlider(row, state.speed_log10);
    bool changed = MachineSettings(row, state.config);
    changed |= ProgramSliders(row, state);
    if (changed) {
        const bool held = snap && (snap->phase == lab::RunPhase::Paused || snap->phase == lab::RunPhase::Ready);
        state.load_requested = true;
        state.play_after_load = !held;
    }
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
    if (!ImGui::Begin(WindowTitle(Str::TitleProgram), open)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Program");
    ShowToolbar(state, examples, snap);
    ShowSettings(state, snap);

    // Source on top, output below.
    const float output_height = ImGui::GetContentRegionAvail().y * 0.38f;
    ImGui::PushFont(GetCodeFont());
    ImVec2 editor_size(-FLT_MIN, ImGui::GetContentRegionAvail().y - output_height);
    if (state.draft_restored && !state.config.source.empty()) {
        ImGui::PopFont();
        ImGui::TextDisabled("Your own edit of this lesson, kept in this browser.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Back to the lesson's original")) {
            state.config.source.clear();
            state.draft_restored = false;
            state.load_requested = true;
        }
        RecordItemRect("program/DraftOriginal");
        ImGui::PushFont(GetCodeFont());
        editor_size.y -= ImGui::GetFrameHeightWithSpacing();
    }
    // The editor shows the lesson's own text until the first edit makes it the config's source.
    state.editor_text.assign(config::program_source(state.config));
    if (ImGui::InputTextMultiline("##source", &state.editor_text, editor_size, ImGuiInputTextFlags_AllowTabInput))
        state.config.source = state.editor_text;
    RecordItemRect("program/Source");
    if (ImGui::IsItemFocused() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        state.load_requested = state.play_after_load = true;
    ImGui::PopFont();

    ImGui::Separator();
    ImGui::TextDisabled("Output");
    // A program that prints without end keeps only its newest lines: say so where they show.
    if (snap && snap->output_first > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("(the newest %zu lines; %llu earlier ones dropped)", snap->output.size(),
                            (unsigned long long)snap->output_first);
        RecordItemRect("program/OutputDropped");
    }
    ShowOutput(snap);
    ImGui::End();
}

} // namespace ui
