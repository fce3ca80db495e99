// The Lesson window's pure logic: which lesson and step are shown, which prediction is asked
// before which run, what a finished run answers, and the words of the reveal.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "lab/snapshot.h"
#include "lessons/lessons.h"
#include "real/probe_runner.h"

namespace ui {

struct PredictionProgress {
    bool answered = false;
    bool skipped = false;
    int chosen = -1;  // the choice picked, when answered
};

struct LessonProgress {
    int lesson = -1;  // index in lessons::all(); -1: none yet (a first visit shows the first)
    std::vector<PredictionProgress> predictions;  // one per prediction of the lesson
};

// A new lesson: nothing answered yet.
void StartLessonProgress(LessonProgress& progress, int lesson);
// The lesson that `progress` shows: its own, or the first on a first visit.
const lessons::Lesson& ShownLesson(const LessonProgress& progress);
// The prediction to ask before the run of `step` (0: the lesson's own settings): the first of
// that step neither answered nor skipped, or -1.
int PendingPrediction(const lessons::Lesson& lesson, const LessonProgress& progress, int step);

// The figures of a snapshot's run, as lessons::measure reads them. A config that is its own
// speedup baseline (one thread, or one CPU) has a speedup of 1.
lessons::RunFacts RunFactsOf(const lab::LabSnapshot& snap, const config::LabConfig& config);
bool RunEnded(lab::RunPhase phase);

struct Reveal {
    enum class Kind : uint8_t { Waiting, Measuring, NoFigure, Ready };
    Kind kind = Kind::Waiting;
    double figure = 0;
    int right = -1;        // the choice the run's figure falls in
    bool correct = false;  // the student's choice is that one
    std::string figure_text;  // "a speedup of 0.98x over one thread"
};

// What the current run says about `prediction`: nothing until the run ends (and its baseline is
// measured), then its figure, the right choice, and whether the guess was it.
Reveal RevealOf(const lessons::Prediction& prediction, const PredictionProgress& progress, const lab::LabSnapshot* snap,
                const config::LabConfig& config, config::Language language);
std::string FigureText(const lessons::Prediction& prediction, double figure, config::Language language);

// A lesson's costs side by side, in words: the simulated machine's figure for `config` (its
// costs), and the visitor's own machine's where `real` has measured it ("" where it has not yet;
// the window says how to measure it).
struct CostRow {
    std::string what;
    std::string simulated;  // "—" where the simulated machine has no such figure
    std::string real;       // "" until measured; "—" where a page cannot measure it
};
std::vector<CostRow> CostRows(const lessons::Lesson& lesson, const config::LabConfig& config,
                              const real::ProbeReport& real, config::Language language);

} // namespace ui
