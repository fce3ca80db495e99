#include "ui/lesson_model.h"

#include <cstdio>

#include "config/baseline.h"
#include "ui/strings.h"

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
    facts.threads = int64_t(snap.threads.size());
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

} // namespace ui
