#include "ui/lesson_model.h"

#include <cstdio>

#include "config/baseline.h"
#include "real/units.h"
#include "ui/strings.h"
#include "ui/timeline_model.h"

namespace ui {

void StartLessonProgress(LessonProgress& progress, int lesson)
{
    progress.lesson = lesson;
    progress.predictions.assign(lessons::all()[size_t(lesson)].predictions.size(), {});
}

const lessons::Lesson& ShownLesson(const LessonProgress& progress)
{
    return lessons::all()[size_t(progress.lesson < 0 ? 0 : progress.lesson)];
}

int PendingPrediction(const lessons::Lesson& lesson, const LessonProgress& progress, int step)
{
    for (size_t i = 0; i < lesson.predictions.size() && i < progress.predictions.size(); i++) {
        const PredictionProgress& p = progress.predictions[i];
        if (lesson.predictions[i].step == step && !p.answered && !p.skipped)
            return int(i);
    }
    return -1;
}

bool RunEnded(lab::RunPhase phase)
{
    return phase == lab::RunPhase::Finished || phase == lab::RunPhase::Deadlock || phase == lab::RunPhase::TimeLimit;
}

lessons::RunFacts RunFactsOf(const lab::LabSnapshot& snap, const config::LabConfig& config)
{
    lessons::RunFacts facts;
    facts.speedup = config::speedup_baseline(config) ? snap.stats.speedup : 1.0;
    facts.wall_seconds = double(snap.stats.wall_time) / double(machine::kSecond);
    facts.threads = int64_t(snap.threads.size() + snap.threads_not_shown);
    facts.processes = int64_t(snap.processes.size());
    facts.context_switches = snap.stats.context_switches;
    facts.deadlocked = snap.phase == lab::RunPhase::Deadlock;
    facts.output.reserve(snap.output.size());
    for (const lab::OutputLineView& line : snap.output)
        facts.output.push_back({double(line.time) / double(machine::kSecond), line.text});
    return facts;
}

std::string FigureText(const lessons::Prediction& p, double figure, config::Language language)
{
    char buf[512];
    const std::string line_with(p.line_with);
    const char* text = line_with.c_str();
    switch (p.measure) {
    case lessons::Measure::Speedup: std::snprintf(buf, sizeof buf, Tr(Str::FigureSpeedup, language), figure); break;
    case lessons::Measure::WallSeconds: std::snprintf(buf, sizeof buf, Tr(Str::FigureSeconds, language), figure); break;
    case lessons::Measure::Threads: std::snprintf(buf, sizeof buf, Tr(Str::FigureThreads, language), figure); break;
    case lessons::Measure::Processes: std::snprintf(buf, sizeof buf, Tr(Str::FigureProcesses, language), figure); break;
    case lessons::Measure::ContextSwitches:
        std::snprintf(buf, sizeof buf, Tr(Str::FigureSwitches, language), figure);
        break;
    case lessons::Measure::LinesWith: std::snprintf(buf, sizeof buf, Tr(Str::FigureLines, language), figure, text); break;
    case lessons::Measure::FirstNumber:
    case lessons::Measure::LastNumber:
    case lessons::Measure::LargestNumber:
        std::snprintf(buf, sizeof buf, Tr(Str::FigureNumber, language), figure, text);
        break;
    case lessons::Measure::SecondsAtLine:
        std::snprintf(buf, sizeof buf, Tr(Str::FigureAtSeconds, language), text, figure);
        break;
    case lessons::Measure::LastLineHas:
        std::snprintf(buf, sizeof buf, Tr(figure > 0 ? Str::FigureLastLineYes : Str::FigureLastLineNo, language), text);
        break;
    case lessons::Measure::Deadlocked:
        std::snprintf(buf, sizeof buf, "%s", Tr(figure > 0 ? Str::FigureDeadlocked : Str::FigureFinished, language));
        break;
    }
    return buf;
}

Reveal RevealOf(const lessons::Prediction& prediction, const PredictionProgress& progress, const lab::LabSnapshot* snap,
                const config::LabConfig& config, config::Language language)
{
    Reveal reveal;
    if (!snap || !RunEnded(snap->phase))
        return reveal;
    std::optional<double> figure = lessons::measure(prediction, RunFactsOf(*snap, config));
    if (!figure) {
        const bool baseline_pending = prediction.measure == lessons::Measure::Speedup;
        reveal.kind = baseline_pending ? Reveal::Kind::Measuring : Reveal::Kind::NoFigure;
        return reveal;
    }
    reveal.kind = Reveal::Kind::Ready;
    reveal.figure = *figure;
    reveal.right = lessons::right_choice(prediction, *figure, config);
    reveal.correct = progress.answered && progress.chosen == reveal.right;
    reveal.figure_text = FigureText(prediction, *figure, language);
    return reveal;
}

namespace {

constexpr const char* kNoFigure = "—";

std::string SimulatedText(lessons::SimulatedCost cost, const machine::MachineConfig& machine) {
    machine::SimTime ns = 0;
    switch (cost) {
    case lessons::SimulatedCost::None: return kNoFigure;
    case lessons::SimulatedCost::ThreadCreate: ns = machine.thread_create_cost; break;
    case lessons::SimulatedCost::ProcessCreate: ns = machine.process_create_cost; break;
    case lessons::SimulatedCost::ThreadSwitch: ns = machine.context_switch_cost; break;
    case lessons::SimulatedCost::ProcessSwitch: ns = machine.context_switch_cost + machine.process_switch_cost; break;
    }
    char buf[32];
    return FormatDuration(buf, sizeof buf, ns);
}

std::string RealText(lessons::RealCost cost, const real::ProbeReport& real) {
    char buf[32];
    const bool switches = real.has_switch_cost, fibers = real.has_fibers;
    switch (cost) {
    case lessons::RealCost::None: return kNoFigure;
    case lessons::RealCost::ThreadCreate:
        return switches ? real::format_duration_ns(buf, sizeof buf, real.switch_cost.thread_create_ns.median) : "";
    case lessons::RealCost::ThreadHandoff:
        return switches ? real::format_duration_ns(buf, sizeof buf, real.switch_cost.thread_handoff_ns.median) : "";
    case lessons::RealCost::FiberSwitch:
        return switches ? real::format_duration_ns(buf, sizeof buf, real.switch_cost.fiber_switch_ns.median) : "";
    case lessons::RealCost::FiberBytes:
        return fibers && real.fibers.count > 0
                   ? real::format_bytes(buf, sizeof buf, double(real.fibers.bytes) / double(real.fibers.count))
                   : "";
    case lessons::RealCost::ThreadStack:
        return fibers ? real::format_bytes(buf, sizeof buf, double(real.fibers.thread_stack_bytes)) : "";
    }
    return "";
}

} // namespace

std::vector<CostRow> CostRows(const lessons::Lesson& lesson, const config::LabConfig& config,
                              const real::ProbeReport& real, config::Language language) {
    const machine::MachineConfig machine = config::to_machine_config(config);
    std::vector<CostRow> rows;
    for (const lessons::Cost& cost : lesson.costs)
        rows.push_back({std::string(cost.what.in(language)), SimulatedText(cost.simulated, machine),
                        RealText(cost.real, real)});
    return rows;
}

} // namespace ui
