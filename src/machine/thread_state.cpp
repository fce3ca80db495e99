#include "machine/thread_state.h"

namespace machine {

const char* thread_state_name(ThreadState state) {
    switch (state) {
    case ThreadState::New: return "new";
    case ThreadState::Ready: return "ready";
    case ThreadState::Running: return "running";
    case ThreadState::Blocked: return "blocked";
    case ThreadState::Terminated: return "terminated";
    }
    return "?";
}

const char* wait_kind_name(WaitKind kind) {
    switch (kind) {
    case WaitKind::None: return "nothing";
    case WaitKind::Sleep: return "sleep";
    case WaitKind::Io: return "I/O";
    case WaitKind::Join: return "join";
    case WaitKind::Gil: return "GIL";
    case WaitKind::Lock: return "lock";
    case WaitKind::Semaphore: return "semaphore";
    case WaitKind::Event: return "event";
    case WaitKind::Condition: return "condition";
    case WaitKind::Barrier: return "barrier";
    case WaitKind::Queue: return "queue";
    case WaitKind::Children: return "non-daemon threads";
    }
    return "?";
}

const char* stop_reason_name(StopReason reason) {
    switch (reason) {
    case StopReason::SliceExpired: return "slice expired";
    case StopReason::Preempted: return "preempted";
    case StopReason::Blocked: return "blocked";
    case StopReason::Yielded: return "yielded";
    case StopReason::GilDropped: return "dropped the GIL";
    case StopReason::Exited: return "exited";
    case StopReason::Killed: return "killed";
    case StopReason::Scheduled: return "switched by the schedule";
    }
    return "?";
}

const char* ready_reason_name(ReadyReason reason) {
    switch (reason) {
    case ReadyReason::Started: return "started";
    case ReadyReason::Woke: return "woke";
    case ReadyReason::TimedOut: return "timed out";
    case ReadyReason::Preempted: return "preempted";
    case ReadyReason::SliceExpired: return "slice expired";
    case ReadyReason::Yielded: return "yielded";
    case ReadyReason::GilReleased: return "GIL released";
    }
    return "?";
}

const char* gil_release_reason_name(GilReleaseReason reason) {
    switch (reason) {
    case GilReleaseReason::Blocking: return "blocking call";
    case GilReleaseReason::DropRequest: return "drop request";
    case GilReleaseReason::Exited: return "thread ended";
    case GilReleaseReason::Scheduled: return "the schedule switched threads";
    }
    return "?";
}

} // namespace machine
