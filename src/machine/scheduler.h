// The OS scheduler's policy and its run queue (threads that are Ready; the Machine owns the
// CPUs and asks this class what to run next).
//
// The run queue is an array of FIFO levels (level 0 is served first) with a bitmap of the
// non-empty ones, linked through per-thread entries: enqueue, dequeue and "best ready" are O(1)
// whatever the number of threads.
//
// Policies:
// - RoundRobin: one level; a thread runs for `slice`, then goes to the back if others wait.
// - Fifo: one level; a thread runs until it blocks or exits, never preempted.
// - Priority: fixed priorities 0..31, higher runs first (level = 31 - priority), preemptive: a
//   thread that becomes ready preempts a running thread of lower priority. Equal priorities
//   share the CPU round-robin with `slice`. A preempted thread resumes first in its level.
// - Mlfq (multi-level feedback queue), the rules as usually taught:
//   1. a higher level always runs first, and preempts a lower one;
//   2. within a level, round-robin; level k's quantum is slice * 2^k;
//   3. a new thread starts at the top level;
//   4. once a thread has used its level's quantum, in total however many times it blocked in
//      between (so it cannot game the scheduler by yielding just before the end), it moves
//      down one level;
//   5. every `mlfq_boost_period` all threads go back to the top level (no starvation).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>
#include "machine/sim_time.h"

namespace machine {

enum class Policy : uint8_t { RoundRobin, Fifo, Priority, Mlfq };
const char* policy_name(Policy policy);  // "rr", "fifo", "priority", "mlfq"
bool parse_policy(std::string_view text, Policy& out);

constexpr int kMinPriority = 0;
constexpr int kMaxPriority = 31;
constexpr int kMaxLevels = 32;

struct SchedulerConfig {
    Policy policy = Policy::RoundRobin;
    SimTime slice = 10 * kMillisecond;
    int mlfq_levels = 3;
    SimTime mlfq_boost_period = 100 * kMillisecond;
};

class Scheduler {
public:
    explicit Scheduler(const SchedulerConfig& config);

    void add_thread(ThreadId thread, int priority);
    // Where a thread that becomes ready goes: the back of its level, or the front (preempted).
    void enqueue(ThreadId thread, bool at_front = false);
    void remove(ThreadId thread);  // leaves the run queue if it is in it
    ThreadId pop_best();           // kNoThread when nothing is ready
    bool has_ready() const { return nonempty_ != 0; }

    int level(ThreadId thread) const { return entries_[thread].level; }
    // The best level a ready thread is at (kMaxLevels when none is ready).
    int best_ready_level() const;
    // True when a ready thread should take the CPU of `running` right now (preemptive policies).
    bool should_preempt(ThreadId running) const;
    // The running thread's slice is over: true when a ready thread should run instead.
    bool switch_at_slice_end(ThreadId running) const;
    // How long `thread` may run from now before the scheduler looks again (kNever: until it blocks).
    SimTime slice_for(ThreadId thread) const;
    // `thread` ran `ran` ns. Returns true when that demoted it (MLFQ rule 4).
    bool charge(ThreadId thread, SimTime ran);
    // MLFQ rule 5: every thread back to the top level, queue order kept.
    void boost();
    bool preemptive() const { return config_.policy == Policy::Priority || config_.policy == Policy::Mlfq; }
    const SchedulerConfig& config() const { return config_; }

private:
    struct Entry {
        ThreadId prev = kNoThread;
        ThreadId next = kNoThread;
        int level = 0;
        SimTime used_at_level = 0;  // MLFQ: CPU time consumed against this level's quantum
        bool queued = false;
    };
    struct Level {
        ThreadId head = kNoThread;
        ThreadId tail = kNoThread;
    };
    SimTime quantum(int level) const;

    SchedulerConfig config_;
    std::vector<Entry> entries_;
    Level levels_[kMaxLevels];
    uint32_t nonempty_ = 0;  // bit k set when level k has a ready thread
};

} // namespace machine
