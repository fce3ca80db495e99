// The Lesson window: the course's lessons beside the live views. The list (in the page's
// language), previous/next, the lesson's text, its try-this steps (one click sets the setting and
// restarts), and its predictions: a run the lesson starts is held until the student answers or
// skips; then it plays, and the reveal quotes the figure that run measured.
#pragma once
#include <cstdint>
#include <string>

#include "lab/snapshot.h"
#include "real/probe_runner.h"
#include "ui/lesson_model.h"
#include "ui/program_window.h"

namespace ui {

struct LessonWindowState {
    LessonProgress progress;
    bool hold_next_load = false;  // the lesson asked for this frame's load: hold it for a question
    uint64_t stale_run = 0;       // runs up to this one were started before the lesson's last load
    real::ProbeReport real;       // what the Real machine window measured: the costs' real column
};

void ShowLessonWindow(bool* open, LessonWindowState& state, ProgramWindowState& program, const lab::LabSnapshot* snap);
// Before the frame's commands go out: a load the lesson asked for does not play while a
// prediction waits for an answer.
void HoldLessonRun(LessonWindowState& state, ProgramWindowState& program);
// The lesson's part of window.threadlab.state(): {"id","title","step","predictions":[...]}.
void AppendLessonStateJson(std::string& out, const LessonWindowState& state, const ProgramWindowState& program,
                           const lab::LabSnapshot* snap);

// The fonts' part of window.threadlab.state(): {"cjkGlyphs": N, "missingGlyphs": N}, the second
// counting the characters of the interface and the lessons that the UI font cannot draw.
void AppendGlyphStateJson(std::string& out);

} // namespace ui
