// The Output window's pure logic: a line's timestamp on the simulated clock, what a click on a
// line selects, and which lines a thread filter keeps.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lab/snapshot.h"
#include "ui/lab_selection.h"

namespace ui {

// "  1.250000 s": seconds on the simulated clock, to the microsecond, right-aligned to a fixed
// width so the lines' texts start in one column. Writes into buf and returns it.
const char* FormatOutputTimestamp(char* buf, size_t size, machine::SimTime t);

// A click on a line: select its thread and ask the Timeline to show the moment it was written.
void SelectOutputLine(const lab::OutputLineView& line, LabSelection& sel);

// Whether the window shows `line` when filtering to `only_thread` (kNoThread: every line).
bool OutputLineShown(const lab::OutputLineView& line, machine::ThreadId only_thread);

// How a line is drawn: program output, ordinary stderr output (logging writes there by default:
// marked, not alarming), or part of an error report (a traceback, a syntax error: red).
enum class OutputLook { Stdout, Stderr, Error };

// Reads the lines in order and tells each one's look. An error report starts at "Traceback (most
// recent call last):", "Exception in thread ..." or '  File "...' and runs, per thread, through
// its indented lines to the exception's own line.
struct OutputLookReader {
    std::vector<machine::ThreadId> reporting; // threads in the middle of an error report
    OutputLook next(const lab::OutputLineView& line);
};

// Every line's look, in order, for a view that draws only the lines in sight.
void ReadOutputLooks(const std::vector<lab::OutputLineView>& lines, std::vector<OutputLook>& looks);

const char* OutputLookName(OutputLook look); // "stdout", "stderr", "error"

// The output lines drawn in one frame, with the colour each was drawn in (0xAABBGGRR, as
// ImGui's), for window.threadlab.state(). Bounded: a view draws only what is in sight.
struct DrawnOutputLine {
    std::string text;
    OutputLook look = OutputLook::Stdout;
    uint32_t color = 0;
};
struct DrawnOutput {
    static constexpr size_t kMaxLines = 64;
    int frame = -1;
    std::vector<DrawnOutputLine> lines;
};

} // namespace ui
