// The Explore window's plain data: what a schedule search has found so far, as the app copies
// it from the search each frame, and the figures and labels the window shows. Free of ImGui, so
// the unit tests cover it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct ExploreRow {
    std::string failure;   // empty: the outcome fails nothing
    int exit = 0;
    std::string output;
    std::string detail;    // a deadlock's report
    int64_t count = 0;     // schedules that give it
    int preemptions = 0;   // of its witness
    std::string schedule;  // the witness, STEP:THREAD,...
    std::vector<std::string> preempted;  // what each of the witness's preemptions interrupted
};

struct ExploreView {
    bool running = false;
    bool finished = false;   // a search has ended (its rows are final)
    bool exhaustive = false;
    bool cancelled = false;
    int64_t schedules = 0;
    int64_t planned = 0;     // known so far: run + waiting
    int64_t pruned = 0;
    double seconds = 0;
    int preemptions = 2;     // the bound the search ran with
    std::string error;       // the program does not compile
    std::vector<ExploreRow> rows;
};

// What the window asks of the app this frame.
struct ExploreWindowState {
    int preemptions = 2;          // the slider
    bool start_requested = false;
    bool cancel_requested = false;
    int replay_requested = -1;    // a row's index
    int replayed = -1;            // the row whose witness the lab runs
};

// 0..1 for the progress bar: schedules run against those known so far.
float ExploreProgressFraction(const ExploreView& view);
// "93 schedules, 2 outcomes, 1 failing · bounded space exhausted (2 preemptions)"
std::string ExploreSummary(const ExploreView& view);
// "exit 1, AssertionError: lost an update" / "deadlock" / "exit 0, no failure"
std::string ExploreRowLabel(const ExploreRow& row);

} // namespace ui
