#include "ui/threads_model.h"

const char* ThreadStateCode(sim::ThreadState state) {
    switch (state) {
    case sim::ThreadState::New: return "NEW";
    case sim::ThreadState::Ready: return "RDY";
    case sim::ThreadState::Running: return "RUN";
    case sim::ThreadState::Blocked: return "BLK";
    case sim::ThreadState::Terminated: return "END";
    }
    return "?";
}

const char* ThreadStateExplanation(sim::ThreadState state) {
    switch (state) {
    case sim::ThreadState::New: return "Created but not started yet: start() has not been called.";
    case sim::ThreadState::Ready: return "Runnable, waiting for a free CPU (or for the GIL to be handed over).";
    case sim::ThreadState::Running: return "On a CPU now, executing its instructions.";
    case sim::ThreadState::Blocked: return "Waiting for something to happen; it uses no CPU until then.";
    case sim::ThreadState::Terminated: return "Finished: its function returned (or it was a daemon killed at exit).";
    }
    return "";
}

const char* WaitKindCode(sim::WaitKind wait) {
    switch (wait) {
    case sim::WaitKind::None: return "";
    case sim::WaitKind::Sleep: return "SLEEP";
    case sim::WaitKind::Io: return "IO";
    case sim::WaitKind::Join: return "JOIN";
    case sim::WaitKind::Gil: return "GIL";
    case sim::WaitKind::Lock: return "LOCK";
    case sim::WaitKind::Semaphore: return "SEM";
    case sim::WaitKind::Event: return "EVENT";
    case sim::WaitKind::Condition: return "COND";
    case sim::WaitKind::Barrier: return "BARRIER";
    case sim::WaitKind::Queue: return "QUEUE";
    case sim::WaitKind::Children: return "CHILDREN";
    }
    return "?";
}

const char* WaitKindExplanation(sim::WaitKind wait) {
    switch (wait) {
    case sim::WaitKind::None: return "Not waiting for anything.";
    case sim::WaitKind::Sleep: return "In time.sleep(): it wakes when the simulated clock reaches its deadline.";
    case sim::WaitKind::Io: return "Waiting for input/output to complete; the GIL is released meanwhile.";
    case sim::WaitKind::Join: return "In join(): waiting for another thread to finish.";
    case sim::WaitKind::Gil: return "Ready to run Python code but another thread holds its process's GIL.";
    case sim::WaitKind::Lock: return "In acquire(): the Lock or RLock is held by another thread.";
    case sim::WaitKind::Semaphore: return "In acquire(): the Semaphore's counter is zero.";
    case sim::WaitKind::Event: return "In Event.wait(): the event is not set yet.";
    case sim::WaitKind::Condition: return "In Condition.wait(): waiting to be notified.";
    case sim::WaitKind::Barrier: return "In Barrier.wait(): not all parties have arrived yet.";
    case sim::WaitKind::Queue: return "In a queue's get() or put(): the queue is empty (or full).";
    case sim::WaitKind::Children: return "The main thread at exit, waiting for the non-daemon threads to finish.";
    }
    return "";
}

const lab::ThreadView* FindThread(const lab::LabSnapshot& snap, sim::ThreadId id) {
    // Threads are indexed by id; the check keeps a stale selection from a previous run harmless.
    if (id < 0 || size_t(id) >= snap.threads.size() || snap.threads[size_t(id)].id != id)
        return nullptr;
    return &snap.threads[size_t(id)];
}

const lab::ProcessView* FindProcess(const lab::LabSnapshot& snap, int32_t id) {
    for (const lab::ProcessView& process : snap.processes)
        if (process.id == id)
            return &process;
    return nullptr;
}
