// The Global Interpreter Lock of one process, with CPython >= 3.2 semantics ("new GIL"):
// - A thread must hold the GIL to execute bytecode.
// - A thread that wants it while another holds it blocks (no spinning). Each time it has waited
//   a whole switch interval without the holder changing, it sets the drop request.
// - The holder checks the request at its next instruction boundary and releases the GIL; with
//   forced switching it then may not take it back until another thread has taken it (it waits
//   for the switch before it queues again), so a CPU-bound holder cannot starve the others.
// - Blocking calls (sleep, I/O, lock waits, join) release it and take it again afterwards.
// This struct is the state machine only; the Machine blocks, wakes and times the threads.
#pragma once
#include <cstdint>
#include <deque>
#include <vector>
#include "machine/sim_time.h"

namespace machine {

class Gil {
public:
    struct TakeResult {
        bool taken = false;
        std::vector<ThreadId> now_waiting;  // droppers that now queue again (arm their timers)
    };

    // A thread that does not hold the GIL asks for it (it is free, or another thread holds it).
    TakeResult take(ThreadId thread);
    // The caller could not take it: it waits, first come first served.
    void wait(ThreadId thread) { waiters_.push_back(thread); }
    // The holder releases it (blocking call or exit). Returns the waiter to wake, or kNoThread.
    ThreadId release();
    // The holder obeys the drop request: releases, and waits for another thread to take it.
    // Returns the waiter to wake. Only valid when has_waiters().
    ThreadId drop_for_switch();
    // A waiter's switch interval ran out; `seen_switch` is switch_number() when it started
    // that interval. Returns true when this sets the drop request.
    bool interval_expired(uint64_t seen_switch);
    // The holder lets go without waking a waiter: a schedule switches threads itself.
    void give_up() { holder_ = kNoThread; }
    // A killed thread leaves the queues.
    void forget(ThreadId thread);

    ThreadId holder() const { return holder_; }
    ThreadId last_holder() const { return last_holder_; }
    bool drop_request() const { return drop_request_; }
    bool has_waiters() const { return !waiters_.empty(); }
    uint64_t switch_number() const { return switch_number_; }
    const std::deque<ThreadId>& waiters() const { return waiters_; }

private:
    ThreadId holder_ = kNoThread;
    ThreadId last_holder_ = kNoThread;
    uint64_t switch_number_ = 0;  // counts changes of holder, as CPython's does
    bool drop_request_ = false;
    std::deque<ThreadId> waiters_;
    std::vector<ThreadId> awaiting_switch_;
};

} // namespace machine
