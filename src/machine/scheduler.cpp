#include "machine/scheduler.h"

#include <algorithm>
#include <bit>

namespace machine {

const char* policy_name(Policy policy) {
    switch (policy) {
    case Policy::RoundRobin: return "rr";
    case Policy::Fifo: return "fifo";
    case Policy::Priority: return "priority";
    case Policy::Mlfq: return "mlfq";
    }
    return "?";
}

bool parse_policy(std::string_view text, Policy& out) {
    for (Policy p : {Policy::RoundRobin, Policy::Fifo, Policy::Priority, Policy::Mlfq}) {
        if (text == policy_name(p)) {
            out = p;
            return true;
        }
    }
    return false;
}

Scheduler::Scheduler(const SchedulerConfig& config) : config_(config) {
    config_.mlfq_levels = std::clamp(config_.mlfq_levels, 1, kMaxLevels);
}

void Scheduler::add_thread(ThreadId thread, int priority) {
    if (thread >= static_cast<ThreadId>(entries_.size()))
        entries_.resize(thread + 1);
    Entry& e = entries_[thread];
    e = Entry{};
    if (config_.policy == Policy::Priority)
        e.level = kMaxPriority - std::clamp(priority, kMinPriority, kMaxPriority);
}

SimTime Scheduler::quantum(int level) const {
    return config_.slice << level;
}

void Scheduler::enqueue(ThreadId thread, bool at_front) {
    Entry& e = entries_[thread];
    Level& level = levels_[e.level];
    e.queued = true;
    if (level.head == kNoThread) {
        e.prev = e.next = kNoThread;
        level.head = level.tail = thread;
    } else if (at_front) {
        e.prev = kNoThread;
        e.next = level.head;
        entries_[level.head].prev = thread;
        level.head = thread;
    } else {
        e.next = kNoThread;
        e.prev = level.tail;
        entries_[level.tail].next = thread;
        level.tail = thread;
    }
    nonempty_ |= 1u << e.level;
}

void Scheduler::remove(ThreadId thread) {
    Entry& e = entries_[thread];
    if (!e.queued)
        return;
    Level& level = levels_[e.level];
    if (e.prev != kNoThread)
        entries_[e.prev].next = e.next;
    else
        level.head = e.next;
    if (e.next != kNoThread)
        entries_[e.next].prev = e.prev;
    else
        level.tail = e.prev;
    e.prev = e.next = kNoThread;
    e.queued = false;
    if (level.head == kNoThread)
        nonempty_ &= ~(1u << e.level);
}

int Scheduler::best_ready_level() const {
    return nonempty_ == 0 ? kMaxLevels : std::countr_zero(nonempty_);
}

ThreadId Scheduler::pop_best() {
    if (nonempty_ == 0)
        return kNoThread;
    const ThreadId thread = levels_[best_ready_level()].head;
    remove(thread);
    return thread;
}

bool Scheduler::should_preempt(ThreadId running) const {
    return preemptive() && best_ready_level() < entries_[running].level;
}

bool Scheduler::switch_at_slice_end(ThreadId running) const {
    return best_ready_level() <= entries_[running].level;
}

SimTime Scheduler::slice_for(ThreadId thread) const {
    switch (config_.policy) {
    case Policy::Fifo: return kNever;
    case Policy::RoundRobin:
    case Policy::Priority: return config_.slice;
    case Policy::Mlfq: {
        const Entry& e = entries_[thread];
        return quantum(e.level) - e.used_at_level;
    }
    }
    return config_.slice;
}

bool Scheduler::charge(ThreadId thread, SimTime ran) {
    if (config_.policy != Policy::Mlfq)
        return false;
    Entry& e = entries_[thread];
    e.used_at_level += ran;
    if (e.used_at_level < quantum(e.level))
        return false;
    e.used_at_level = 0;
    if (e.level + 1 >= config_.mlfq_levels)
        return false;  // the bottom level: just a fresh quantum
    // A running thread is not queued, so changing its level needs no relinking.
    e.level += 1;
    return true;
}

void Scheduler::boost() {
    // Collect the queued threads level by level (that is their service order), then requeue
    // them all at the top; threads not queued just get their level reset.
    std::vector<ThreadId> order;
    for (int level = 0; level < config_.mlfq_levels; ++level)
        for (ThreadId t = levels_[level].head; t != kNoThread; t = entries_[t].next)
            order.push_back(t);
    for (ThreadId t : order)
        remove(t);
    for (Entry& e : entries_) {
        e.level = 0;
        e.used_at_level = 0;
    }
    for (ThreadId t : order)
        enqueue(t);
}

} // namespace machine
