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
#include "ui/lab_windows.h"
#include "ui/palette.h"
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
    case lab::RunPhase::Ready: return Tr(Str::PhaseReady);
    case lab::RunPhase::Playing: return Tr(Str::PhasePlaying);
    case lab::RunPhase::Paused: return Tr(Str::PhasePaused);
    case lab::RunPhase::Finished: return Tr(Str::PhaseFinished);
    case lab::RunPhase::Deadlock: return Tr(Str::PhaseDeadlock);
    case lab::RunPhase::TimeLimit: return Tr(Str::PhaseTimeLimit);
    case lab::RunPhase::Error: return Tr(Str::PhaseError);
    }
    return "";
}

// The run budget's pause, in plain words, with the way on.
void ShowBudgetNotice(const lab::LabSnapshot& snap, ProgramWindowState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.35f, 1));
    ImGui::TextWrapped(Tr(Str::ProgramBudgetPaused), (long long)(snap.budget_instructions / 1000000), snap.now / 1e9);
    ImGui::PopStyleColor();
    RecordItemRect("program/BudgetNotice");
    if (ImGui::Button(Tr(Str::ProgramContinue)))
        state.play_requested = true;
    RecordItemRect("program/Continue");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(Tr(Str::ProgramContinueTip), (long long)(lab::kRunBudgetInstructions / 1000000));
}

ImVec4 PhaseColor(lab::RunPhase phase) {
    switch (phase) {
    case lab::RunPhase::Error:
    case lab::RunPhase::Deadlock: return ErrorColor();
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
                  config.source.empty() ? "" : Tr(Str::ProgramEdited));
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
    if (ImGui::Button(Tr(Str::ProgramRun)))
        state.load_requested = state.play_after_load = true;
    RecordItemRect("program/Run");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramRunTip));

    const bool playing = snap && snap->phase == lab::RunPhase::Playing;
    ImGui::SameLine();
    ImGui::BeginDisabled(!Runnable(snap));
    if (ImGui::Button(Tr(playing ? Str::ProgramPause : Str::ProgramPlay), ImVec2(ImGui::GetFontSize() * 3.5f, 0))) {
        if (playing)
            state.pause_requested = true;
        else
            state.play_requested = true;
    }
    RecordItemRect("program/Play");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramPlayTip));
    ImGui::SameLine();
    if (ImGui::Button(Tr(Str::ProgramStep)))
        state.step_requested = true;
    RecordItemRect("program/Step");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramStepTip));
    ImGui::SameLine();
    if (ImGui::Button(Tr(Str::ProgramSlice)))
        state.step_slice_requested = true;
    RecordItemRect("program/StepSlice");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramSliceTip));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(Tr(Str::ProgramReset)))
        state.load_requested = true;
    RecordItemRect("program/Reset");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramResetTip));
    // Beside the run controls if the window is wide enough, else below them: never cut off.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float share_right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + ImGui::CalcTextSize(Tr(Str::ProgramShare)).x +
                              2 * style.FramePadding.x;
    if (share_right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
    if (ImGui::Button(Tr(Str::ProgramShare)))
        state.share_requested = true;
    RecordItemRect("program/Share");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::ProgramShareTip));

    lab::RunPhase phase = snap ? snap->phase : lab::RunPhase::Ready;
    ImGui::TextColored(PhaseColor(phase), "%s", PhaseText(phase));
    if (snap && snap->phase != lab::RunPhase::Error) {
        ImGui::SameLine();
        ImGui::TextDisabled(Tr(Str::ProgramClock), snap->now / 1e9, (long long)snap->stats.instructions);
        if (snap->trace_full) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", Tr(Str::ProgramTimelineFull));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(Tr(Str::ProgramTimelineFullTip), (unsigned long long)snap->trace_events);
        }
    }
    if (snap && snap->budget_paused && snap->phase == lab::RunPhase::Paused)
        ShowBudgetNotice(*snap, state);
    if (snap && !snap->compile_error.empty()) {
        const ImVec4 error_color = PhaseColor(lab::RunPhase::Error);
        ImGui::TextColored(error_color, Tr(Str::ProgramCompileError), snap->error_line);
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
    case machine::Policy::RoundRobin: return Tr(Str::PolicyRoundRobin);
    case machine::Policy::Fifo: return Tr(Str::PolicyFifo);
    case machine::Policy::Priority: return Tr(Str::PolicyPriority);
    case machine::Policy::Mlfq: return Tr(Str::PolicyMlfq);
    }
    return "";
}

bool PolicyCombo(SettingsRow& row, machine::Policy& policy) {
    // Test hook names are string literals; in the enum's order.
    static const char* const kItemNames[] = {"program/Policy/rr", "program/Policy/fifo", "program/Policy/priority",
                                             "program/Policy/mlfq"};
    bool changed = false;
    row.next(Tr(Str::ProgramPolicy), ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo(Tr(Str::ProgramPolicy), PolicyText(policy))) {
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
    Tooltip(Tr(Str::ProgramPolicyTip));
    return changed;
}

bool MachineSettings(SettingsRow& row, config::LabConfig& config) {
    const float width = ImGui::GetFontSize() * 7;
    bool changed = false;
    row.next(Tr(Str::ProgramCpus), width);
    changed |= ImGui::SliderInt(Tr(Str::ProgramCpus), &config.cpus, int(config::kCpusRange.min), int(config::kCpusRange.max), "%d",
                                ImGuiSliderFlags_AlwaysClamp);
    RecordItemRect("program/CPUs");
    Tooltip(Tr(Str::ProgramCpusTip));
    row.next("GIL", ImGui::GetFrameHeight());
    changed |= ImGui::Checkbox("GIL", &config.gil);
    RecordItemRect("program/GIL");
    Tooltip(Tr(Str::ProgramGilTip));
    changed |= PolicyCombo(row, config.policy);
    changed |= DurationSlider(row, Tr(Str::ProgramTimeSlice), "program/Slice", config.slice, config::kSliceRange,
                              Tr(Str::ProgramTimeSliceTip));
    changed |= DurationSlider(row, Tr(Str::ProgramSwitchInterval), "program/SwitchInterval", config.switch_interval,
                              config::kSwitchIntervalRange, Tr(Str::ProgramSwitchIntervalTip));
    changed |= DurationSlider(row, Tr(Str::ProgramBytecodeCost), "program/BytecodeCost", config.bytecode_cost,
                              config::kBytecodeCostRange, Tr(Str::ProgramBytecodeCostTip));
    changed |= DurationSlider(row, Tr(Str::ProgramSwitchCost), "program/ContextSwitchCost", config.context_switch_cost,
                              config::kContextSwitchCostRange, Tr(Str::ProgramSwitchCostTip));
    row.next(Tr(Str::ProgramSeed), width);
    int seed = int(uint32_t(config.seed));
    if (ImGui::InputInt(Tr(Str::ProgramSeed), &seed)) {
        config.seed = uint32_t(seed);
        changed = true;
    }
    RecordItemRect("program/Seed");
    Tooltip(Tr(Str::ProgramSeedTip));
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
            ImGui::SetTooltip(Tr(Str::ProgramSliderTip), slider.name.c_str(),
                              slider.line, slider.name.c_str(), (long long)value);
    }
    return changed;
}

void SpeedSlider(SettingsRow& row, float& speed_log10) {
    char label[48];
    FormatDuration(label, sizeof label, machine::SimTime(std::pow(10.0, double(speed_log10))));
    std::strncat(label, "/s", sizeof label - std::strlen(label) - 1);
    row.next(Tr(Str::ProgramSpeed), ImGui::GetFontSize() * 7);
    ImGui::SliderFloat(Tr(Str::ProgramSpeed), &speed_log10, 3.0f, 10.0f, label); // lab_session.h's kMinSpeed..kMaxSpeed
    RecordItemRect("program/Speed");
    Tooltip(Tr(Str::ProgramSpeedTip));
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

void ShowOutput(ProgramWindowState& state, const lab::LabSnapshot* snap) {
    ImGui::BeginChild("##output", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    RecordWindowRect("program/Output");
    if (snap) {
        ImGui::PushFont(GetCodeFont());
        // Each line's look depends on the lines before it (a traceback runs over several), so the
        // looks are read once per snapshot; then only the lines in view are drawn: a chatty
        // program has tens of thousands.
        if (state.looks_run != snap->run_id || state.looks_sequence != snap->sequence) {
            ReadOutputLooks(snap->output, state.output_looks);
            state.looks_run = snap->run_id;
            state.looks_sequence = snap->sequence;
        }
        ImGuiListClipper clipper;
        clipper.Begin((int)snap->output.size());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                DrawOutputText(snap->output[(size_t)i].text, state.output_looks[(size_t)i], state.output_drawn);
        if (!snap->error.empty())
            DrawOutputText(snap->error, OutputLook::Error, state.output_drawn);
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
        ImGui::TextDisabled("%s", Tr(Str::ProgramDraft));
        ImGui::SameLine();
        if (ImGui::SmallButton(Tr(Str::ProgramDraftOriginal))) {
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
    ImGui::TextDisabled("%s", Tr(Str::TitleOutput));
    // A program that prints without end keeps only its newest lines: say so where they show.
    if (snap && snap->output_first > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled(Tr(Str::OutputNewest), snap->output.size(), (unsigned long long)snap->output_first);
        RecordItemRect("program/OutputDropped");
    }
    ShowOutput(state, snap);
    ImGui::End();
}

} // namespace ui
