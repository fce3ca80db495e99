// The Explore window's plain data: what a schedule search has found so far, as the app copies
// it from the search each frame, and the figures and labels the window shows. Free of ImGui, so
// the unit tests cover it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "explore/witness_words.h"
#include "lab/snapshot.h"

namespace ui {

struct ExploreRow {
    std::string failure;   // empty: the outcome fails nothing
    int exit = 0;
    std::string output;
    std::string detail;    // a deadlock's report
    int64_t count = 0;     // schedules that give it
    int preemptions = 0;   // of its witness
    std::string schedule;  // the witness, STEP:THREAD,...
    std::vector<explore::PreemptionParts> preempted;  // what each of the witness's preemptions interrupted
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
    int workers = 1;         // threads that ran its schedules
    int lab_cpus = 1;        // the lab's CPUs when it started; its runs are on one
    bool random = false;     // random mode: PCT schedules, no bound and no proof
    std::string error;       // the program does not compile
    std::vector<ExploreRow> rows;
};

// What the window asks of the app this frame.
struct ExploreWindowState {
    int preemptions = 2;          // the slider
    bool random = false;          // random mode instead of the bounded search
    int random_runs = 1000;       // its number of schedules
    bool start_requested = false;
    bool cancel_requested = false;
    int replay_requested = -1;    // a row's index
    int replayed = -1;            // the row whose witness the lab runs
    bool scheduler_requested = false;  // "Be the scheduler": open that window
};

// ---- You are the scheduler -------------------------------------------------------------------

// One pick: before instruction `step`, `thread` ran.
struct SchedulerPick {
    int64_t step = 0;
    int32_t thread = -1;
    bool switched = false;   // another thread than the one the machine would have run
    bool preempted = false;  // and that one was in the middle of running: a preemption
};

enum class SchedulerGoal : int { Failure, Deadlock, Output, Count };

struct SchedulerWindowState {
    bool active = false;             // the lab's run waits at each decision for a pick
    std::vector<SchedulerPick> picks;
    int goal = int(SchedulerGoal::Output);
    char goal_text[64] = "counter 1";
    // What the window asks of the app this frame.
    bool start_requested = false;
    bool undo_requested = false;
    bool finish_requested = false;   // the rest as the machine decides
    int32_t pick_requested = -1;     // a thread id
    int32_t timeline_selected = -1;  // the timeline's selection when last looked at (a lane click picks)
};

int SchedulerPreemptions(const std::vector<SchedulerPick>& picks);
int SchedulerSwitches(const std::vector<SchedulerPick>& picks);
// "make the program fail (a failed assert, an uncaught exception)", ...
std::string SchedulerGoalLabel(SchedulerGoal goal, const char* text);
// The goal holds for the run as it stands: it ended failing, deadlocked, or its output shows the text.
bool SchedulerGoalReached(SchedulerGoal goal, const char* text, const lab::LabSnapshot& snap);
// The thread the n-th digit key picks (1: the first of the decision's threads), or -1.
int32_t SchedulerThreadForKey(const lab::DecisionView& decision, int digit);

// 0..1 for the progress bar: schedules run against those known so far.
float ExploreProgressFraction(const ExploreView& view);
// "93 schedules, 2 outcomes, 1 failing · bounded space exhausted (2 preemptions)"
std::string ExploreSummary(const ExploreView& view);
// A row's share of the schedules run, 0..1: its histogram bar.
float ExploreRowShare(const ExploreView& view, const ExploreRow& row);
// "exit 1, AssertionError: lost an update" / "deadlock" / "exit 0, no failure"
std::string ExploreRowLabel(const ExploreRow& row);

} // namespace ui
