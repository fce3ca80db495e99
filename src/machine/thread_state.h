// The words of a thread's life, shared by its control block (Machine) and the trace: its state,
// what it waits for, why it left a CPU and why it became ready again. The UI shows these names.
#pragma once
#include <cstdint>

namespace machine {

enum class ThreadState : uint8_t { New, Ready, Running, Blocked, Terminated };

enum class WaitKind : uint8_t {
    None,
    Sleep,      // until a time
    Io,         // until its I/O completes
    Join,       // for another thread to end
    Gil,        // for its process's GIL
    Lock,       // Lock or RLock
    Semaphore,
    Event,
    Condition,
    Barrier,
    Queue,      // a module's wait queue (queue.Queue get/put)
    Children,   // main thread at exit, for the non-daemon threads
};

enum class StopReason : uint8_t {
    SliceExpired,  // its time slice ended and another thread was ready
    Preempted,     // a more important thread became ready
    Blocked,       // it waits for something (see the ThreadBlock event)
    Yielded,       // it gave the CPU up (sleep(0))
    GilDropped,    // it released the GIL on a drop request and waits for it again
    Exited,
    Killed,        // a daemon thread, at its process's exit
    Scheduled,     // a schedule's choice (machine/schedule.h) switched to another thread
};

enum class ReadyReason : uint8_t {
    Started,       // a new thread
    Woke,          // what it waited for happened
    TimedOut,      // its wait's timeout ran out
    Preempted,
    SliceExpired,
    Yielded,
    GilReleased,   // it waited for the GIL and the GIL was released
};

enum class GilReleaseReason : uint8_t { Blocking, DropRequest, Exited, Scheduled };

const char* thread_state_name(ThreadState state);  // "new", "ready", "running", ...
const char* wait_kind_name(WaitKind kind);         // "sleep", "I/O", "lock", ...
const char* stop_reason_name(StopReason reason);   // "slice expired", "preempted", ...
const char* ready_reason_name(ReadyReason reason);
const char* gil_release_reason_name(GilReleaseReason reason);

} // namespace machine
