#include "ui/threads_model.h"

#include <algorithm>

namespace ui {

const char* ThreadStateCode(machine::ThreadState state) {
    switch (state) {
    case machine::ThreadState::New: return "NEW";
    case machine::ThreadState::Ready: return "RDY";
    case machine::ThreadState::Running: return "RUN";
    case machine::ThreadState::Blocked: return "BLK";
    case machine::ThreadState::Terminated: return "END";
    }
    return "?";
}

const char* ThreadStateExplanation(machine::ThreadState state) {
    switch (state) {
    case machine::ThreadState::New: return "Created but not started yet: start() has not been called.";
    case machine::ThreadState::Ready: return "Runnable, waiting for a free CPU (or for the GIL to be handed over).";
    case machine::ThreadState::Running: return "On a CPU now, executing its instructions.";
    case machine::ThreadState::Blocked: return "Waiting for something to happen; it uses no CPU until then.";
    case machine::ThreadState::Terminated: return "Finished: its function returned (or it was a daemon killed at exit).";
    }
    return "";
}

const char* WaitKindCode(machine::WaitKind wait) {
    switch (wait) {
    case machine::WaitKind::None: return "";
    case machine::WaitKind::Sleep: return "SLEEP";
    case machine::WaitKind::Io: return "IO";
    case machine::WaitKind::Join: return "JOIN";
    case machine::WaitKind::Gil: return "GIL";
    case machine::WaitKind::Lock: return "LOCK";
    case machine::WaitKind::Semaphore: return "SEM";
    case machine::WaitKind::Event: return "EVENT";
    case machine::WaitKind::Condition: return "COND";
    case machine::WaitKind::Barrier: return "BARRIER";
    case machine::WaitKind::Queue: return "QUEUE";
    case machine::WaitKind::Children: return "CHILDREN";
    }
    return "?";
}

const char* WaitKindExplanation(machine::WaitKind wait) {
    switch (wait) {
    case machine::WaitKind::None: return "Not waiting for anything.";
    case machine::WaitKind::Sleep: return "In time.sleep(): it wakes when the simulated clock reaches its deadline.";
    case machine::WaitKind::Io: return "Waiting for input/output to complete; the GIL is released meanwhile.";
    case machine::WaitKind::Join: return "In join(): waiting for another thread to finish.";
    case machine::WaitKind::Gil: return "Ready to run Python code but another thread holds its process's GIL.";
    case machine::WaitKind::Lock: return "In acquire(): the Lock or RLock is held by another thread.";
    case machine::WaitKind::Semaphore: return "In acquire(): the Semaphore's counter is zero.";
    case machine::WaitKind::Event: return "In Event.wait(): the event is not set yet.";
    case machine::WaitKind::Condition: return "In Condition.wait(): waiting to be notified.";
    case machine::WaitKind::Barrier: return "In Barrier.wait(): not all parties have arrived yet.";
    case machine::WaitKind::Queue: return "In a queue's get() or put(): the queue is empty (or full).";
    case machine::WaitKind::Children: return "The main thread at exit, waiting for the non-daemon threads to finish.";
    }
    return "";
}

const lab::ThreadView* FindThread(const lab::LabSnapshot& snap, machine::ThreadId id) {
    // In id order, with old terminated threads left out (lab::LabSnapshot::threads); a stale
    // selection from a previous run finds nothing.
    auto found = std::lower_bound(snap.threads.begin(), snap.threads.end(), id,
                                  [](const lab::ThreadView& t, machine::ThreadId wanted) { return t.id < wanted; });
    return found != snap.threads.end() && found->id == id ? &*found : nullptr;
}

const lab::ProcessView* FindProcess(const lab::LabSnapshot& snap, int32_t id) {
    for (const lab::ProcessView& process : snap.processes)
        if (process.id == id)
            return &process;
    return nullptr;
}

} // namespace ui
