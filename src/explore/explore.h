// The schedule explorer: runs a Python program under the schedules that differ where it
// matters and groups the runs by outcome (output, exit status, failure), with the
// fewest-preemption schedule that gives each outcome (its witness).
//
// Every run starts from scratch and is steered through the machine's choice points
// (machine/schedule.h); the runs are independent, so a pool of workers runs them, and the
// results are merged in a fixed order: the same figures and witnesses for any number of workers.
//
// Systematic mode is preemption-bounded (CHESS): a schedule may preempt at most `preemptions`
// times; switches at points where the CPU picks a thread anyway are free. With the reduction
// on, it is a dynamic partial-order reduction (Flanagan and Godefroid, with the conservative
// extra branch of bounded POR by Coons, Musuvathi and McKinley): each run records what every
// step touches (a global, an attribute, a container, a cell, a lock; a native call touches the
// world), and only where two steps of different threads conflict (one of them writes) and are
// not ordered by the run's happens-before does the search try the other order. Without it,
// every choice point is tried with every thread.
//
// Random mode runs N schedules of PCT (probabilistic concurrency testing): random thread
// priorities and a few random points where the running thread's priority drops.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#include "explore/witness_words.h"
#include "machine/machine.h"
#include "machine/schedule.h"

namespace explore {

struct ExploreOptions {
    int preemptions = 2;            // the bound of systematic mode
    int64_t max_schedules = 20000;  // systematic: stop there (not exhausted); random: ignored
    int64_t random_runs = 0;        // > 0: random mode, this many PCT schedules
    uint64_t random_seed = 1;
    int pct_depth = 3;              // PCT: priority change points + 1
    bool reduce = true;             // partial-order reduction
    int workers = 1;
    int64_t max_steps = 2000000;    // per run: a program that loops forever ends there
};

// What a run ended as. Runs with equal output, exit status and failure are one outcome.
struct Outcome {
    std::string output;    // stdout and stderr, as a terminal shows them
    int exit = 0;          // what python3 would exit with
    std::string failure;   // "" (none), "AssertionError: ...", "deadlock", "step limit", "time limit"
    std::string detail;    // a deadlock's report with its wait-for cycle; empty otherwise
    int64_t count = 0;     // schedules that gave it
    int preemptions = 0;   // of the witness
    machine::Schedule witness;
    // The witness's preemptions, in order, in words' parts (word_preemption: "Thread-2
    // (increment) was preempted after LOAD_GLOBAL counter, line 9, and Thread-1 (increment) ran").
    std::vector<PreemptionParts> preempted;
    bool failing() const { return !failure.empty(); }
};

struct ExploreResult {
    std::string error;              // the program does not compile: its error, and nothing ran
    std::vector<Outcome> outcomes;  // in the order first found
    int64_t schedules = 0;          // runs made
    int64_t pruned = 0;             // choices the reduction did not try
    bool exhaustive = false;        // the whole bounded space was explored
    bool cancelled = false;
    double seconds = 0;             // real time, when the caller gives a clock
    int failing() const;
};

// Shared with a caller on another thread: how far the search is, and a way to stop it.
struct ExploreProgress {
    std::atomic<int64_t> schedules{0};
    std::atomic<int64_t> planned{0};  // schedules known so far (run + waiting), for a progress bar
    std::atomic<bool> cancel{false};
};

using Clock = double (*)();  // seconds, monotonic

// The explorer's runs are on this many CPUs, whatever config.cpus says (explore.cpp,
// explorer_config, says why), and a witness replays on as many.
constexpr int kExplorerCpus = 1;

ExploreResult explore(std::string_view source, std::string_view filename, const machine::MachineConfig& config,
                      const ExploreOptions& options, ExploreProgress* progress = nullptr, Clock clock = nullptr);

// One run under `schedule`, as the explorer makes it: its outcome (count 1, the schedule as
// its witness, preemptions counted).
Outcome run_schedule(std::string_view source, std::string_view filename, const machine::MachineConfig& config,
                     const machine::Schedule& schedule, int64_t max_steps);

// What each preemption of `schedule` interrupted (see Outcome::preempted).
std::vector<PreemptionParts> describe_preemptions(std::string_view source, std::string_view filename,
                                              const machine::MachineConfig& config, const machine::Schedule& schedule,
                                              int64_t max_steps);

// "2 schedules: exit 1, AssertionError: ..." lines and the JSON of `threadlab explore`.
std::string describe_outcome(const Outcome& outcome);
std::string result_json(const ExploreResult& result);
// How often each outcome happened, one bar a line (random mode's point: how often the race bites):
// " 75.0% ##############################  750 of 1000: exit 0, no failure".
std::string outcome_histogram(const ExploreResult& result);

} // namespace explore
